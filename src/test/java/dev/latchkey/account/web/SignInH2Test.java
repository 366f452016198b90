package dev.latchkey.account.web;

import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "latchkey.trusted-proxies=127.0.0.1/32", "latchkey.sign-in.account-ceiling=" + SignInTests.CEILING })
@Import({ TestClockConfiguration.class, TestAccounts.class })
class SignInH2Test extends SignInTests {

}
