/**
 * Posture: YAML rules with CEL conditions over discovered assets, risk scores, attack paths,
 * reports (text, JSON, SARIF, HTML, CSV, CycloneDX AI-BOM) and the {@link
 * io.rampart.posture.ScanRunner} behind {@code rampart scan}.
 */
@NullMarked
package io.rampart.posture;

import org.jspecify.annotations.NullMarked;
