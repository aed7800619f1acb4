/** The simulated Hosted Fields library served by the sandbox (see ../README.md "Simulated Hosted Fields library"). */
export { libraryRoutes, libraryScriptPath, LIBRARY_SCRIPT_PATH } from './library-routes'
export { INIT_MESSAGES, SURCHARGE_DISCLOSURE } from './library-initialize'
export { FIELD_LABELS, FRAME_CSP } from './frame-page'
export { libraryAssets, librarySource } from './library-assets'
