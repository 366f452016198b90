package dev.latchkey.account;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's name for the browser a User-Agent header describes, such as "Firefox 128 on Linux": enough to tell
 * one's own sessions apart, not a device fingerprint. Order matters: Edge and Opera also say Chrome, Chrome also
 * says Safari.
 */
final class Browser {

	private static final String[][] BROWSERS = { { "Edg", "Edge" }, { "OPR", "Opera" }, { "Firefox", "Firefox" },
			{ "HeadlessChrome", "Chrome" }, { "Chrome", "Chrome" }, { "Version", "Safari" } };

	private static final String[][] SYSTEMS = { { "Windows", "Windows" }, { "Android", "Android" },
			{ "iPhone", "iOS" }, { "iPad", "iPadOS" }, { "Mac OS X", "macOS" }, { "CrOS", "ChromeOS" },
			{ "Linux", "Linux" } };

	private Browser() {
	}

	static String describe(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "Unknown browser";
		}
		String browser = null;
		for (String[] candidate : BROWSERS) {
			Matcher version = Pattern.compile("\\b" + candidate[0] + "/(\\d+)").matcher(userAgent);
			if (version.find() && (!candidate[1].equals("Safari") || userAgent.contains("Safari/"))) {
				browser = candidate[1] + " " + version.group(1);
				break;
			}
		}
		String system = null;
		for (String[] candidate : SYSTEMS) {
			if (userAgent.contains(candidate[0])) {
				system = candidate[1];
				break;
			}
		}
		if (browser == null) {
			return (system != null) ? "Unknown browser on " + system : "Unknown browser";
		}
		return (system != null) ? browser + " on " + system : browser;
	}

}
