package dev.latchkey.account;

import java.io.Serializable;

/**
 * Where a sign-in attempt comes from, as the web layer saw it: the client address (behind trusted proxies only)
 * and the user agent it announced. Carried as the attempt's authentication details.
 */
public record SignInClient(String ip, String userAgent) implements Serializable {
}
