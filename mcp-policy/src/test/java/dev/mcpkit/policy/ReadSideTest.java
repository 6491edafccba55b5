package dev.mcpkit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The queries behind the screens, each checked for who may see what: crm is shared with alice and
 * the sales group (carol), wiki with the whole team, hr with nobody.
 */
class ReadSideTest extends GovernanceFixture {

  void registerWikiAndHr() throws Exception {
    gov.registerServer(root, ServerRegistration.builder("wiki").name("Wiki").url(crm.url())
        .apiKey(null).build());
    gov.share(root, "wiki", Sharing.team());
    gov.registerServer(root, ServerRegistration.builder("hr").name("HR").url(crm.url())
        .apiKey(null).build());
  }

  static <T> List<String> ids(Page<T> page, java.util.function.Function<T, String> id) {
    return page.items().stream().map(id).toList();
  }

  @Test
  void aUserMayAttachOnlyServersSharedWithThemAndAnAdminSeesEveryServer() throws Exception {
    registerWikiAndHr();
    assertThat(ids(gov.servers(alice, null, 50), ServerRegistration::id))
        .containsExactly("crm", "wiki");
    assertThat(ids(gov.servers(bob, null, 50), ServerRegistration::id)).containsExactly("wiki");
    assertThat(ids(gov.servers(carol, null, 50), ServerRegistration::id))
        .containsExactly("crm", "wiki");
    assertThat(ids(gov.servers(root, null, 50), ServerRegistration::id))
        .containsExactly("crm", "hr", "wiki");
  }

  @Test
  void pagesFollowTheirCursorsToTheEndAndBadCursorsAndLimitsAreRefused() throws Exception {
    registerWikiAndHr();
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Page<ServerRegistration> page = gov.servers(root, cursor, 1);
      seen.addAll(ids(page, ServerRegistration::id));
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(seen).containsExactly("crm", "hr", "wiki");
    assertThat(pages).isEqualTo(3);
    assertThatThrownBy(() -> gov.servers(root, null, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit must be 1 to");
    assertThatThrownBy(() -> gov.servers(root, null, Page.MAX_LIMIT + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> gov.servers(root, "not a cursor!", 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
    assertThatThrownBy(() -> gov.servers(root, "A".repeat(100_000), 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 512");
  }

  @Test
  void theShareDialogReadsTheSharingAndOnlyAdminsMayReadIt() throws Exception {
    registerWikiAndHr();
    assertThat(gov.sharing(root, "crm").users()).containsExactly("alice");
    assertThat(gov.sharing(root, "crm").groups()).containsExactly("sales");
    assertThat(gov.sharing(root, "wiki").access()).isEqualTo(GeneralAccess.TEAM);
    assertThat(gov.sharing(root, "hr")).isEqualTo(Sharing.NOBODY);
    assertThatThrownBy(() -> gov.sharing(alice, "crm")).isInstanceOf(PolicyDeniedException.class);
  }

  @Test
  void anAgentsConnectorsShowOnlyServersTheViewerMayUse() throws Exception {
    registerWikiAndHr();
    gov.attach(root, AgentConnector.perUser(AGENT, "hr"));
    gov.attach(bob, AgentConnector.perUser(AGENT, "wiki"));
    assertThat(ids(gov.connectors(root, AGENT, null, 50), AgentConnector::serverId))
        .containsExactly("crm", "hr", "wiki");
    assertThat(ids(gov.connectors(alice, AGENT, null, 50), AgentConnector::serverId))
        .containsExactly("crm", "wiki");
    assertThat(ids(gov.connectors(bob, AGENT, null, 50), AgentConnector::serverId))
        .containsExactly("wiki");
    assertThat(gov.connectors(bob, "another-agent", null, 50).items()).isEmpty();
  }

  @Test
  void theConnectionPickerOffersTheUsersOwnAndTheSharedOnesSharedWithThem() throws Exception {
    Connection aliceOwn = connect(alice);
    Connection carolOwn = connect(carol);
    Connection service = gov.openSharedConnection(wsAdmin, "crm", "CRM service",
        List.of(ConnectionShare.group("sales", ConnectionShare.Permission.USE)));
    assertThat(ids(gov.connections(alice, "crm", null, 50), Connection::id))
        .containsExactly(aliceOwn.id());
    assertThat(ids(gov.connections(carol, "crm", null, 50), Connection::id))
        .containsExactlyInAnyOrder(carolOwn.id(), service.id());
    assertThat(gov.connections(dave, "crm", null, 50).items()).isEmpty();
    assertThat(ids(gov.connections(root, "crm", null, 50), Connection::id))
        .containsExactlyInAnyOrder(aliceOwn.id(), carolOwn.id(), service.id());
  }

  @Test
  void anApproverSeesOnlyTheRequestsTheyMayApproveUntilTheyExpire() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.NEEDS_APPROVAL);
    reconfigure(c -> c.withApprovers(Approvers.anotherAdmin()));
    var asked = (CallOutcome.ApprovalRequired) gov.invoke(alice, AGENT, "crm", "echo",
        message("hi"));
    assertThat(ids(gov.approvals(root, null, 50), ApprovalRequest::id))
        .containsExactly(asked.approvalId());
    assertThat(ids(gov.approvals(wsAdmin, null, 50), ApprovalRequest::id))
        .containsExactly(asked.approvalId());
    assertThat(gov.approvals(root, null, 50).items().get(0).arguments().get("message").asText())
        .isEqualTo("hi");
    assertThat(gov.approvals(alice, null, 50).items()).isEmpty();
    assertThat(gov.approvals(bob, null, 50).items()).isEmpty();

    clock.advance(java.time.Duration.ofMinutes(16));
    assertThat(gov.approvals(root, null, 50).items()).isEmpty();
  }

  @Test
  void aCallsEventsAreFoundByCorrelationIdWithPayloadsOnlyForAdminsAndAuditors()
      throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    var done = (CallOutcome.Completed) gov.invoke(alice, AGENT, "crm", "echo", message("hi"));

    List<AuditEvent> mine = gov.callEvents(alice, done.correlationId());
    assertThat(mine).extracting(AuditEvent::type)
        .containsExactly(AuditEvent.Type.CALL_ALLOWED, AuditEvent.Type.CALL);
    assertThat(mine).allSatisfy(e -> {
      assertThat(e.input()).isNull();
      assertThat(e.result()).isNull();
    });
    List<AuditEvent> asAdmin = gov.callEvents(root, done.correlationId());
    assertThat(asAdmin.get(1).input().get("message").asText()).isEqualTo("hi");
    assertThat(asAdmin.get(1).result().toString()).contains("echo:hi");
    assertThat(gov.callEvents(bob, done.correlationId())).isEmpty();
    assertThatThrownBy(() -> gov.activity(bob, AuditFilter.principal("alice"), null, 10))
        .isInstanceOf(PolicyDeniedException.class).hasMessageContaining("own activity");
    assertThatThrownBy(() -> gov.callEvents(alice, "x".repeat(10_000)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
