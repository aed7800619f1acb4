/**
 * Writes Replies to the wire: the `Date` header on every answer (sandbox clock), Content-Length, optionally
 * trickled for a `slow` fault; and the raw answer to a request Node could not parse (400, 408, 431).
 */
import type { ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { defaultProblem, PROBLEM_CONTENT_TYPE, type Reply } from './problem-replies'
import type { SandboxState } from './state/sandbox-state'

export class ReplyWriter {
  private readonly slowTimers = new Set<NodeJS.Timeout>()

  constructor(private readonly state: SandboxState) {}

  write(res: ServerResponse, reply: Reply, close: boolean, bytesPerSecond?: number): void {
    if (res.headersSent || res.destroyed) return
    const text = reply.body
    // A 204 (secure token deleted) has neither a body nor its headers.
    const empty = reply.status === 204
    const headers: Record<string, string | number> = {
      Date: this.state.httpDate(),
      ...(empty ? {} : { 'Content-Type': reply.contentType, 'Content-Length': Buffer.byteLength(text) }),
      ...reply.headers,
    }
    if (close) headers.Connection = 'close'
    res.writeHead(reply.status, headers)
    if (bytesPerSecond === undefined) {
      // A string body goes out in one write together with the headers (a Buffer would cost a writev).
      res.end(text)
      return
    }
    this.trickle(res, Buffer.from(text, 'utf8'), bytesPerSecond)
  }

  /** Slow body: a slice every 100 ms at the given rate. */
  private trickle(res: ServerResponse, body: Buffer, bytesPerSecond: number): void {
    const perTick = Math.max(1, Math.floor(bytesPerSecond / 10))
    let offset = 0
    const stop = () => {
      clearInterval(timer)
      this.slowTimers.delete(timer)
    }
    const timer = setInterval(() => {
      if (res.destroyed) return stop()
      const next = Math.min(body.length, offset + perTick)
      const chunk = body.subarray(offset, next)
      offset = next
      if (offset >= body.length) {
        stop()
        res.end(chunk)
      } else res.write(chunk)
    }, 100)
    this.slowTimers.add(timer)
    res.on('close', stop)
  }

  /** Stops every trickling answer (on close). */
  stop(): void {
    for (const timer of this.slowTimers) clearInterval(timer)
    this.slowTimers.clear()
  }

  /** The answer to a request Node's parser refused (headers too large, timeout, not HTTP). */
  clientError(error: NodeJS.ErrnoException, socket: Socket): void {
    if (!socket.writable || (error.code === 'ECONNRESET' && !socket.readable)) {
      socket.destroy()
      return
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
    // A HEAD request gets no body (the raw packet tells when the request line was in the failing chunk).
    const raw = (error as { rawPacket?: unknown }).rawPacket
    const head = Buffer.isBuffer(raw) && raw.subarray(0, 5).toString('latin1') === 'HEAD '
    const body = head
      ? ''
      : JSON.stringify(defaultProblem(status, status === 400 ? 'The request is not valid HTTP.' : undefined))
    const reason =
      status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\n` +
        `Date: ${this.state.httpDate()}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  }
}
