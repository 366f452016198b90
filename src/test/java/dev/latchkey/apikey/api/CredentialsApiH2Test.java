package dev.latchkey.apikey.api;

import dev.latchkey.support.TestClockConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class CredentialsApiH2Test extends CredentialsApiTests {

}
