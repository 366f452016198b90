package dev.latchkey.audit;

import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, TestAccounts.class })
class AuditTrailH2Test extends AuditTrailTests {

}
