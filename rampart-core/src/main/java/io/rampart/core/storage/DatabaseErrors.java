package io.rampart.core.storage;

import io.rampart.core.Secret;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns driver, pool and Flyway failures into one-line {@link StorageException} messages that
 * name the setting at fault and never contain the password.
 */
final class DatabaseErrors {
  private static final Pattern URL_PASSWORD =
      Pattern.compile("(?i)(password=)[^&;]*");
  private static final Pattern URL_USERINFO = Pattern.compile("(//[^/:@]*:)[^/@]*@");
  private static final int MAX_DETAIL = 300;

  private final String field;
  private final String shown;
  private final Secret password;

  DatabaseErrors(String field, String shown, Secret password) {
    this.field = field;
    this.shown = shown;
    this.password = password;
  }

  /** {@code url} with any password it carries (query parameter or user info) replaced. */
  static String redactUrl(String url) {
    String out = URL_PASSWORD.matcher(url).replaceAll("$1<redacted>");
    return URL_USERINFO.matcher(out).replaceAll("$1<redacted>@");
  }

  /** A short description of {@code e} for an error message: its message or its type. */
  static String brief(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  StorageException cannotOpen(Throwable e) {
    return new StorageException(field + ": " + shown + ": " + describe(e), e);
  }

  StorageException migrationFailed(Throwable e) {
    return new StorageException(
        field + ": " + shown + ": migration failed (" + clean(brief(e)) + ")", e);
  }

  private String describe(Throwable e) {
    // Network causes first: drivers wrap them in wordier SQLExceptions.
    for (boolean network : new boolean[] {true, false}) {
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        String known =
            network ? knownNetwork(t) : t instanceof SQLException s ? knownSql(s) : null;
        if (known != null) {
          return known;
        }
      }
    }
    return "cannot open (" + clean(brief(deepest(e))) + ")";
  }

  private @Nullable String knownNetwork(Throwable t) {
    return switch (t) {
      case ConnectException _ -> "cannot connect (connection refused)";
      case UnknownHostException u -> "cannot connect (unknown host " + clean(brief(u)) + ")";
      case NoRouteToHostException _ -> "cannot connect (no route to host)";
      case SocketTimeoutException _ -> "cannot connect (timed out)";
      default -> null;
    };
  }

  private @Nullable String knownSql(SQLException s) {
    String state = s.getSQLState() == null ? "" : s.getSQLState();
    if (s.getClass().getName().startsWith("org.h2.")) {
      return switch (s.getErrorCode()) {
        case 90020 ->
            "cannot open (the database is in use by another process, such as a running"
                + " 'rampart serve'; expected: stop it, or use its API, e.g. /api/tokens and"
                + " /api/events)";
        case 90030 ->
            "cannot open (the database file is corrupt"
                + "; expected: restore rampart.mv.db from a backup)";
        case 90048 -> "cannot open (unsupported database file version)";
        case 28000 -> "cannot open (wrong user name or password)";
        case 90028, 90031 ->
            "cannot open (cannot read the database file: it is corrupt, truncated or not"
                + " readable by this user; " + clean(brief(s)) + ")";
        default -> null;
      };
    }
    return switch (state) {
      case "28P01", "28000" -> "cannot connect (authentication failed)";
      case "3D000" -> "cannot connect (database does not exist)";
      case "53300" -> "cannot connect (too many connections)";
      default ->
          state.startsWith("08") ? "cannot connect (" + clean(brief(s)) + ")" : null;
    };
  }

  private static Throwable deepest(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  /** First line, password removed, bounded: driver messages can be long or echo input. */
  private String clean(String message) {
    String out = message.strip();
    int newline = out.indexOf('\n');
    if (newline >= 0) {
      out = out.substring(0, newline).strip();
    }
    if (!password.isEmpty()) {
      out = out.replace(password.reveal(), "<redacted>");
    }
    out = redactUrl(out);
    return out.length() > MAX_DETAIL ? out.substring(0, MAX_DETAIL) + "..." : out;
  }
}
