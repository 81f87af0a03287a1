// Logging with the official MomentoLoggerFactory shape, and a request-logging middleware.

/** Log levels, as the official web SDK numbers them. */
export const MomentoLogLevel = Object.freeze({ TRACE: 5, DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40 });

/** Console logger factory: `[ISO time] LEVEL (Momento: name): msg args…`, at or above `level` (default INFO). */
export class DefaultMomentoLoggerFactory {
  constructor(level = MomentoLogLevel.INFO) { this._level = level; }
  getLogger(loggerName) {
    const name = typeof loggerName === 'string' ? loggerName : loggerName?.constructor?.name ?? 'Momento';
    const level = this._level;
    const out = (lvl, label, sink) => (msg, ...args) => {
      if (lvl < level) return;
      sink(`[${new Date().toISOString()}] ${label} (Momento: ${name}): ${msg}${args.length ? ` ${args.join(', ')}` : ''}`);
    };
    return {
      trace: out(MomentoLogLevel.TRACE, 'TRACE', console.log),
      debug: out(MomentoLogLevel.DEBUG, 'DEBUG', console.log),
      info: out(MomentoLogLevel.INFO, 'INFO', console.log),
      warn: out(MomentoLogLevel.WARN, 'WARN', console.warn),
      error: out(MomentoLogLevel.ERROR, 'ERROR', console.error),
    };
  }
}

/** A logger factory that discards everything. */
export class NoopMomentoLoggerFactory {
  getLogger() { const noop = () => {}; return { trace: noop, debug: noop, info: noop, warn: noop, error: noop }; }
}

/** Logs every request and its outcome at DEBUG (the official ExperimentalRequestLoggingMiddleware's role). */
export class ExperimentalRequestLoggingMiddleware {
  constructor(loggerFactory = new DefaultMomentoLoggerFactory()) { this._logger = loggerFactory.getLogger('RequestLoggingMiddleware'); }
  onNewRequest() {
    const log = this._logger;
    let type;
    return {
      onRequest: (req) => { type = req.getRequestType(); log.debug(`request: ${type} cache=${req.getCacheName() ?? '-'}`); },
      onResponseStatus: (status) => log.debug(`response: ${type} grpc-status=${status.code()} ${status.errorCode() ?? ''}`),
    };
  }
}
