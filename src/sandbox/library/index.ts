/** The simulated Hosted Fields library served by the sandbox (see ../README.md "Simulated Hosted Fields library"). */
export { libraryRoutes, libraryScriptPath, LIBRARY_SCRIPT_PATH } from './library-routes'
export { SURCHARGE_DISCLOSURE } from './surcharge-disclosure'
export { libraryAssets, librarySource } from './library-assets'
export { gatewayProtocolRoutes } from './gateway-routes'
export { INVALID_SESSION_MESSAGE } from './gateway-session'
export { GATEWAY_SESSION_PATH } from './gateway-cors'
