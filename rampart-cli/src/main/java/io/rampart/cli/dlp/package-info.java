/** The {@code rampart dlp} commands: scan, redact, classify and eval. */
@NullMarked
package io.rampart.cli.dlp;

import org.jspecify.annotations.NullMarked;
