package io.rampart.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jetty.http.HttpFields;
import org.jspecify.annotations.Nullable;

/**
 * One request as it moves through the pipeline, and what its {@code gateway.request} event will
 * say. Owned by the request's thread (the streamed part runs on the same thread). Never holds
 * anything in the event that could be a sensitive value: finding types and counts only.
 */
final class Exchange {
  final String method;
  final String path;
  final String query;
  final HttpFields headers;
  final long startNanos;
  byte[] body = new byte[0];
  @Nullable ObjectNode json;
  @Nullable Principal principal;
  @Nullable RouteConfig route;
  String model = "";
  boolean stream;

  // audit
  String decision = "allowed";
  final List<String> rules = new ArrayList<>();
  final Map<String, Integer> findings = new TreeMap<>();
  long promptTokens;
  long completionTokens;
  int upstreamStatus;
  // the caller's verified certificate chain under mutual TLS, leaf first; empty otherwise
  java.util.List<java.security.cert.X509Certificate> clientCertificates = java.util.List.of();
  // upstream requests sent for this one (failover and safe retries)
  int attempts;
  int status;
  boolean failedOpen;
  String upstream = "";
  String errorCode = "";

  Exchange(String method, String path, String query, HttpFields headers, long startNanos) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.startNanos = startNanos;
  }

  /** A fresh exchange for work that may be abandoned (detectors under a deadline). */
  Exchange scratch() {
    Exchange s = new Exchange(method, path, query, headers, startNanos);
    s.principal = principal;
    s.route = route;
    s.model = model;
    s.stream = stream;
    s.decision = decision;
    return s;
  }

  /** Takes over what {@code scratch} found and decided. */
  void merge(Exchange scratch) {
    scratch.rules.forEach(this::rule);
    scratch.findings.forEach(this::finding);
    decision = scratch.decision;
    errorCode = scratch.errorCode.isEmpty() ? errorCode : scratch.errorCode;
    failedOpen |= scratch.failedOpen;
  }

  Optional<RouteConfig> route() {
    return Optional.ofNullable(route);
  }

  void finding(String type, int count) {
    findings.merge(type, count, Integer::sum);
  }

  void rule(String rule) {
    if (!rules.contains(rule)) {
      rules.add(rule);
    }
  }

  void redacted() {
    if (decision.equals("allowed")) {
      decision = "redacted";
    }
  }

  /** A caller of the gateway, as established by its API key. */
  record Principal(String name, List<String> groups, ApiKeyConfig key) {}
}
