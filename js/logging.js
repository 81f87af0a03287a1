// Logging with the official @gomomento/sdk-web shapes (DefaultMomentoLoggerFactory, DefaultMomentoLogger,
// NoopMomentoLogger…), and a request-logging middleware.

/** Log levels (official `DefaultMomentoLoggerLevel`, a numeric enum with reverse names: `[20] === 'INFO'`). */
export const DefaultMomentoLoggerLevel = Object.freeze({
  TRACE: 5, DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40, 5: 'TRACE', 10: 'DEBUG', 20: 'INFO', 30: 'WARN', 40: 'ERROR',
});
/** This SDK's earlier name of `DefaultMomentoLoggerLevel`. */
export const MomentoLogLevel = DefaultMomentoLoggerLevel;

/** Console logger factory: loggers print at or above `level` (default INFO). */
export class DefaultMomentoLoggerFactory {
  constructor(level = DefaultMomentoLoggerLevel.INFO) { this.level = level; }
  /** A logger named `loggerName` (a string, or an object whose class name is used). */
  getLogger(loggerName) { return new DefaultMomentoLogger(loggerName, this.level); }
}

/** Prints `[ISO time] LEVEL (Momento: name): msg args…` to the console at or above its level. */
export class DefaultMomentoLogger {
  constructor(loggerName, level = DefaultMomentoLoggerLevel.INFO) {
    this.loggerName = typeof loggerName === 'string' ? loggerName : loggerName?.constructor?.name ?? 'Momento';
    this.level = level;
  }
  trace(msg, ...args) { this._out(5, console.log, msg, args); }
  debug(msg, ...args) { this._out(10, console.log, msg, args); }
  info(msg, ...args) { this._out(20, console.log, msg, args); }
  warn(msg, ...args) { this._out(30, console.warn, msg, args); }
  error(msg, ...args) { this._out(40, console.error, msg, args); }
  _out(level, sink, msg, args) {
    if (level < this.level) return;
    sink(`[${new Date().toISOString()}] ${DefaultMomentoLoggerLevel[level]} (Momento: ${this.loggerName}): ${msg}${args.length ? ` ${args.join(', ')}` : ''}`);
  }
}

/** A logger that discards everything. */
export class NoopMomentoLogger {
  trace() {}
  debug() {}
  info() {}
  warn() {}
  error() {}
}

/** A logger factory whose loggers discard everything. */
export class NoopMomentoLoggerFactory {
  getLogger() { return new NoopMomentoLogger(); }
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
