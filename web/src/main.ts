// The dashboard: a view per hash route (#/positions, #/claims?party=RU, …), rendered from the API.
import './style.css'
import { analysis, api, download, exportScenario, read, shownCase, whatIf } from './api.ts'
import { clear, errorBox, h } from './dom.ts'

type View = {
  id: string
  title: string
  load: () => Promise<{ render: (main: HTMLElement, params: URLSearchParams) => Promise<void> }>
}

const VIEWS: View[] = [
  { id: 'overview', title: 'Overview', load: () => import('./views/overview.ts') },
  { id: 'positions', title: 'Positions', load: () => import('./views/positions.ts') },
  { id: 'timeline', title: 'Timeline', load: () => import('./views/timeline.ts') },
  { id: 'claims', title: 'Claims', load: () => import('./views/claims.ts') },
  { id: 'search', title: 'Search', load: () => import('./views/search.ts') },
  { id: 'changes', title: 'Changes', load: () => import('./views/changes.ts') },
  { id: 'forecasts', title: 'Forecasts', load: () => import('./views/forecasts.ts') },
  { id: 'sensitivity', title: 'Sensitivity', load: () => import('./views/sensitivity.ts') },
  { id: 'pareto', title: 'Packages', load: () => import('./views/pareto.ts') },
  { id: 'conditions', title: 'Conditions', load: () => import('./views/conditions.ts') },
  { id: 'contradictions', title: 'Contradictions', load: () => import('./views/contradictions.ts') },
  { id: 'whatif', title: 'What-if', load: () => import('./views/whatif.ts') },
  { id: 'updates', title: 'Updates', load: () => import('./views/updates.ts') },
]

const main = document.getElementById('main') as HTMLElement
const nav = document.getElementById('nav') as HTMLElement
const banner = document.getElementById('whatif-banner') as HTMLElement
const title = document.getElementById('scenario-title') as HTMLElement

nav.append(
  h(
    'ul',
    {},
    ...VIEWS.map((v) => {
      const a = h('a', { 'data-view': v.id }, v.title)
      a.href = `#/${v.id}`
      return h('li', {}, a)
    }),
  ),
)

function route(): { view: View; params: URLSearchParams } {
  const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?')
  const view = VIEWS.find((v) => v.id === path) ?? (VIEWS[0] as View)
  return { view, params: new URLSearchParams(query) }
}

let rendering = 0
async function show(focus: boolean): Promise<void> {
  const ticket = ++rendering
  const { view, params } = route()
  for (const a of nav.querySelectorAll('a')) {
    if (a.dataset.view === view.id) a.setAttribute('aria-current', 'page')
    else a.removeAttribute('aria-current')
  }
  document.title = `${view.title} · Parley`
  main.setAttribute('aria-busy', 'true')
  const next = h('div', { class: 'view', 'data-view': view.id })
  try {
    const module = await view.load()
    await module.render(next, params)
  } catch (error) {
    if (ticket !== rendering) return
    const { invalidChange } = await import('./views/whatif.ts')
    next.append(invalidChange(error) ?? errorBox(error))
  }
  if (ticket !== rendering) return // a newer navigation won
  clear(main)
  main.append(next)
  main.removeAttribute('aria-busy')
  main.dataset.ready = view.id
  if (focus) main.focus({ preventScroll: true })
}

function drawBanner(): void {
  clear(banner)
  const n = whatIf.changes.length
  banner.hidden = n === 0
  if (n === 0) return
  banner.append(
    h('strong', {}, `What-if: ${n} change${n === 1 ? '' : 's'}`),
    ` (${whatIf.changes.map((c) => `${c.party} ${c.field.replace('_', ' ')} on ${c.issue} → ${c.value}`).join('; ')}). Every view shows the changed scenario. `,
    h(
      'button',
      {
        type: 'button',
        onclick: async () => {
          const { name, text } = await exportScenario()
          download(name, text)
        },
      },
      'Save as a scenario file',
    ),
    ' ',
    h('button', { type: 'button', onclick: () => whatIf.reset() }, 'Reset'),
  )
}

whatIf.subscribe(() => {
  drawBanner()
  void show(false)
})
window.addEventListener('hashchange', () => void show(true))

/** The case's name (a switcher when the server serves several) and its scenario's title and date. */
async function drawTitle(): Promise<void> {
  const { cases } = await read(api.cases.$get())
  if (shownCase.id !== undefined && !cases.some((c) => c.id === shownCase.id)) shownCase.clear()
  const [health, { scenario }] = await Promise.all([read(api.health.$get()), analysis(api.scenario, {})])
  clear(title)
  const name =
    cases.length > 1
      ? h(
          'select',
          {
            id: 'case-switch',
            'aria-label': 'Case',
            onchange: (e: Event) => {
              shownCase.set((e.target as HTMLSelectElement).value)
              void drawTitle()
              void show(false)
            },
          },
          ...cases.map((c) => h('option', { value: c.id, selected: c.id === health.case.id }, c.name)),
        )
      : h('span', { class: 'case-name' }, health.case.name)
  title.append(name, ` · ${scenario.meta.title} · as of ${scenario.meta.as_of}`)
  title.dataset.case = health.case.id
}

void drawTitle().catch(() => {})
void show(false)
