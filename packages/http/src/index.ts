export { Admission, type AdmissionAnswers, type AdmissionLimits } from './admission';
export { admitRequests } from './admit-requests';
export { AppError, statusOf, type AppErrorOptions } from './app-error';
export { checkWithin } from './check-within';
export { handleErrors, type HandleErrorsOptions } from './handle-errors';
export { instrument } from './instrument';
export { requestIdOf } from './request-id';
export { traceRequests } from './trace-requests';
export {
  connectRedis,
  createRegistry,
  isRedisUnavailable,
  loggerOptions,
  runService,
  type ServiceOptions,
} from './service';
