// Listening: the dashboard and API on a host and port. Loopback by default; any other host needs a token.
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Hono } from 'hono'
import { InputError } from '../core/index.ts'

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_PORT = 4173
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

/** A name of this machine: 127.0.0.1 (or the rest of 127.0.0.0/8), localhost or ::1. */
export function isLoopback(name: string): boolean {
  return LOOPBACK.has(name) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
}

/** A Host header that names this machine: `127.0.0.1:4173`, `localhost`, `[::1]:80`. */
export function isLoopbackHost(host: string): boolean {
  return isLoopback(host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d*$/, ''))
}

/** Refuses a host other than loopback unless a token guards the server. */
export function checkHost(host: string, token: string | undefined): void {
  if (isLoopback(host)) return
  if (token === undefined || token.length < 16)
    throw new InputError(
      `refusing to listen on ${host} without a token: anyone who can reach it could read the store. ` +
        'Set PARLEY_TOKEN to a secret of at least 16 characters (clients send it as Authorization: Bearer …, ' +
        'or open /?token=… once in a browser), or keep the default host 127.0.0.1.',
    )
}

export interface Listening {
  url: string
  port: number
  close(): Promise<void>
}

export function listen(app: Hono, { host, port }: { host: string; port: number }): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address
      resolve({
        url: `http://${shown}:${info.port}/`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()))
            if ('closeAllConnections' in server) server.closeAllConnections()
          }),
      })
    })
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new InputError(`port ${port} on ${host} is in use; choose another with --port (or PORT)`)
          : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
            ? new InputError(`cannot listen on ${host}: ${error.message}`)
            : error,
      ),
    )
  })
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve(signal)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
