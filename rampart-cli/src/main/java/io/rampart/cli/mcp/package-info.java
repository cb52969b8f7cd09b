/** The {@code rampart mcp} commands. */
@NullMarked
package io.rampart.cli.mcp;

import org.jspecify.annotations.NullMarked;
