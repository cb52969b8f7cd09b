/** The DLP engine: finds, classifies and redacts sensitive data. */
@NullMarked
package io.rampart.dlp;

import org.jspecify.annotations.NullMarked;
