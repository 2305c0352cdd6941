export const id = 280;
export const ids = [280];
export const modules = {

/***/ 9280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ noticeIfUnavailable),
/* harmony export */   j: () => (/* reexport safe */ _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__.j1),
/* harmony export */   reportFailure: () => (/* binding */ reportFailure)
/* harmony export */ });
/* harmony import */ var _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6285);
/* harmony import */ var _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7339);
/* harmony import */ var _transport_service_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1964);




/**
 * The one place an entry's failure is reported. Invalid inputs and configuration mistakes always
 * fail the step; service and I/O failures fail it only when the user asked (`fail-on-error`),
 * and otherwise warn, so a checkpoint problem never fails the user's job by surprise. Artifacts
 * that do not exist here (GitHub Enterprise Server) are no failure at all: a notice.
 */
function reportFailure(error, failOnError) {
    if (noticeIfUnavailable(error))
        return;
    const message = (0,_checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describe */ .q0)(error);
    if (error instanceof _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidInputError */ .oC || error instanceof _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1 || failOnError) {
        _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(message);
        return;
    }
    _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`${message} (the step goes on: set fail-on-error: true to fail it instead)`);
}
let unavailableNoticed = false;
/**
 * When `error` says the artifact service does not exist here (GitHub Enterprise Server), says
 * so in one notice per step (a run step meets it twice: reading checkpoints, then saving) and
 * returns true; false for any other error.
 */
function noticeIfUnavailable(error) {
    if (!(error instanceof _transport_service_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ArtifactsUnavailableError */ .yI))
        return false;
    if (!unavailableNoticed)
        _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(error.message);
    unavailableNoticed = true;
    return true;
}


/***/ })

};
