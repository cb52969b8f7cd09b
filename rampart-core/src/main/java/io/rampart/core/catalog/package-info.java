/** The risk catalog: OWASP Top 10 for LLM and Agentic applications, and MITRE ATLAS. */
@NullMarked
package io.rampart.core.catalog;

import org.jspecify.annotations.NullMarked;
