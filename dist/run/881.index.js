export const id = 881;
export const ids = [881];
export const modules = {

/***/ 8881:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* reexport safe */ _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__.j1),
/* harmony export */   reportFailure: () => (/* binding */ reportFailure)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7339);



/**
 * The one place an entry's failure is reported. Invalid inputs and configuration mistakes always
 * fail the step; service and I/O failures fail it only when the user asked (`fail-on-error`),
 * and otherwise warn, so a checkpoint problem never fails the user's job by surprise.
 */
function reportFailure(error, failOnError) {
    const message = (0,_checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describe */ .q0)(error);
    if (error instanceof _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidInputError */ .oC || error instanceof _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1 || failOnError) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(message);
        return;
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`${message} (the step goes on: set fail-on-error: true to fail it instead)`);
}


/***/ })

};
