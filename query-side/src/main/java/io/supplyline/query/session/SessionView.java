package io.supplyline.query.session;

import java.util.List;

/**
 * Who is signed in, for the dashboard.
 *
 * @param csrfToken the token every change the page asks for carries in the {@code X-CSRF-Token} header
 * @param signOut where to send the browser to sign out; null when signed in with Basic credentials (local)
 */
public record SessionView(String user, List<String> roles, String csrfToken, String signOut) {
}
