// Conflicting statements across the stored articles, side by side.
import { api, read } from '../api.ts'
import { h } from '../dom.ts'
import { openArticle } from '../panel.ts'

export async function render(main: HTMLElement): Promise<void> {
  const { contradictions, documents, total } = await read(api.contradictions.$get())
  // A statement names its article by title (or path, for an untitled one).
  const idOf = (name: string) => documents.find((d) => d.name === name)?.id
  main.append(
    h('h1', {}, 'Contradictions'),
    h(
      'p',
      { class: 'lede' },
      contradictions.length === 0
        ? 'No two stored statements contradict each other.'
        : `${contradictions.length} pair${contradictions.length === 1 ? '' : 's'} of statements that cannot both be true.`,
    ),
    ...(documents.length < total
      ? [h('p', { class: 'note' }, `Among the ${documents.length} newest of the ${total} stored articles.`)]
      : []),
    ...contradictions.map((c) =>
      h(
        'section',
        { class: 'card contradiction' },
        h('h2', {}, c.subject),
        h('p', {}, c.explanation),
        h(
          'div',
          { class: 'side-by-side' },
          ...[c.a, c.b].map((st, k) => {
            const id = idOf(st.document)
            return h(
              'figure',
              { class: 'quote' },
              h('blockquote', {}, st.quote),
              h(
                'figcaption',
                {},
                `${k === 0 ? 'A' : 'B'}: ${st.document} `,
                id === undefined
                  ? null
                  : h(
                      'button',
                      { type: 'button', class: 'link', onclick: () => openArticle(id, st.start, st.end) },
                      'in the article',
                    ),
              ),
            )
          }),
        ),
      ),
    ),
  )
}
