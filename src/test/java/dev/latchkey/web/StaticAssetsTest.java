package dev.latchkey.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.account.User;
import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.DashboardClient.Response;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static assets: linked from pages under content-hashed URLs, cached a year by browsers under those, gzipped when
 * asked; the plain URLs revalidate; signed-in pages are never stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestAccounts.class)
class StaticAssetsTest {

	private static final Pattern ASSET = Pattern
		.compile("(?:href|src)=\"(/(?:assets|webjars)/[^\"]+-[0-9a-f]{32}\\.(css|js|svg))\"");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Test
	void pagesLinkEveryAssetUnderItsContentHash() {
		String page = signedIn().get("/settings/api-credentials").body();

		assertThat(assets(page)).contains("css", "js", "svg");
		assertThat(page).doesNotContain("\"/assets/css/latchkey.css\"", "\"/assets/js/latchkey.js\"",
				"htmx.min.js\"");
		assertThat(assets(new DashboardClient(this.port).get("/login").body())).contains("css");
	}

	@Test
	void aHashedAssetIsImmutableForAYearAndGzippedWhenAsked() {
		String page = signedIn().get("/settings/api-credentials").body();
		Matcher asset = ASSET.matcher(page);
		while (asset.find()) {
			Response response = new DashboardClient(this.port).get(asset.group(1), Map.of("Accept-Encoding", "gzip"));
			assertThat(response.status()).as(asset.group(1)).isEqualTo(200);
			assertThat(response.header("Cache-Control")).as(asset.group(1))
				.isEqualTo("max-age=31536000, public, immutable");
			if (!asset.group(2).equals("svg")) {
				// the mark is smaller than server.compression.min-response-size: not worth it
				assertThat(response.header("Content-Encoding")).as(asset.group(1)).isEqualTo("gzip");
			}
			assertThat(response.header("Content-Security-Policy")).isNotNull();
		}
	}

	@Test
	void thePlainUrlAndAWrongHashAreNotCachedForAYear() {
		Response plain = new DashboardClient(this.port).get("/assets/css/latchkey.css");
		assertThat(plain.status()).isEqualTo(200);
		assertThat(plain.header("Cache-Control")).isEqualTo("no-cache");

		Response wrong = new DashboardClient(this.port).get("/assets/css/latchkey-0123456789abcdef0123456789abcdef.css");
		assertThat(wrong.status()).isEqualTo(404);
		assertThat(wrong.header("Cache-Control")).doesNotContain("immutable");
	}

	@Test
	void signedInPagesAreNeverStored() {
		DashboardClient dashboard = signedIn();
		for (String path : new String[] { "/settings/api-credentials", "/settings/members", "/settings/audit-log" }) {
			assertThat(dashboard.get(path).header("Cache-Control")).as(path).contains("no-store");
		}
	}

	private java.util.List<String> assets(String page) {
		return ASSET.matcher(page).results().map((match) -> match.group(2)).toList();
	}

	private DashboardClient signedIn() {
		Tenant tenant = this.accounts.tenant("Assets " + System.nanoTime(), false);
		User user = this.accounts.admin(tenant, "admin-" + System.nanoTime() + "@assets.test", "Ada Admin", "password-1");
		DashboardClient dashboard = new DashboardClient(this.port);
		dashboard.signIn(user.email(), "password-1");
		return dashboard;
	}

}
