package nl.paraat.push;

/** A push request was written; after its commit this instance starts on it. */
record PushRequested(long dispatchId) {
}
