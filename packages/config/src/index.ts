export { parseEnv, EnvError } from './parse-env';
export { port, url, postgresUrl, redisUrl, logLevel } from './fields';
