export { createApi, type Api } from "./server.ts";
export { loadConfig, type ApiConfig } from "./config.ts";
