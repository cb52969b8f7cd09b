package io.rampart.server;

/**
 * Handles one matched request. Handlers are plain functions from {@link Call} to {@link Reply};
 * they throw {@link ApiException} for client errors and never touch Jetty directly.
 */
@FunctionalInterface
public interface RouteHandler {
  Reply handle(Call call);
}
