package io.rampart.mcp.gateway;

import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes a {@link Reply} to Jetty's response; a caller gone mid-stream marks its calls. */
final class ReplyWriter {
  private ReplyWriter() {}

  static int write(Reply reply, Response response, Callback callback, McpHandler.Http http) {
    response.setStatus(reply.status());
    reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
    try {
      switch (reply) {
        case Reply.Full full -> {
          if (!full.contentType().isEmpty()) {
            response.getHeaders().put("Content-Type", full.contentType());
          }
          response.getHeaders().put("Content-Length", Long.toString(full.body().length));
          try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write(full.body());
          }
        }
        case Reply.Streamed s -> {
          response.getHeaders().put("Content-Type", "text/event-stream");
          response.getHeaders().put("Cache-Control", "no-cache");
          try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.flush(); // commits the headers: a quiet stream is still an open one
            s.body().writeTo(out);
          }
        }
      }
      callback.succeeded();
    } catch (IOException | RuntimeException e) {
      http.calls.forEach(c -> {
        if (c.decision.equals("allowed") || c.decision.equals("redacted")) {
          c.decision = "error";
          c.errorCode = "client_disconnected";
        }
      });
      callback.failed(e);
    }
    return reply.status();
  }
}
