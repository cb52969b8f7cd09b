/** {@code rampart guard}: scan, evaluate and train the prompt-injection guard; check MCP tools. */
@NullMarked
package io.rampart.cli.guard;

import org.jspecify.annotations.NullMarked;
