package no.evidens.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessStoreTest {
    @TempDir
    Path dir;

    @Test
    void accountsAreAddedListedDisabledAndKeptAcrossOpenings() {
        try (AccessStore s = AccessStore.open(dir)) {
            s.addUser("kari", "hemmelig passord".toCharArray(), true);
            s.addUser("ola", "et annet".toCharArray(), false);
            assertThrows(IllegalStateException.class, () -> s.addUser("ola", "x".toCharArray(), false));
            assertThrows(IllegalArgumentException.class, () -> s.addUser("Ola Nordmann", "x".toCharArray(), false));
            s.setDisabled("ola", true);
        }
        try (AccessStore s = AccessStore.open(dir)) {
            List<Account> users = s.users();
            assertEquals(List.of("kari", "ola"), users.stream().map(Account::name).toList());
            assertTrue(users.get(0).admin());
            assertTrue(users.get(1).disabled());
            assertThrows(IllegalArgumentException.class, () -> s.setDisabled("nobody", true));
        }
    }

    @Test
    void membershipsGiveOneRolePerCaseAndCanBeChangedAndRemoved() {
        try (AccessStore s = AccessStore.open(dir)) {
            s.addUser("kari", "p".toCharArray(), false);
            s.addUser("ola", "p".toCharArray(), false);
            s.addMember("fjordvik", "kari", Role.LEAD, "admin");
            s.addMember("fjordvik", "ola", Role.READER, "kari");
            s.addMember("fjordvik", "ola", Role.of("revisor"), "kari");
            s.addMember("bergby", "ola", Role.WRITER, "admin");
            assertThrows(IllegalArgumentException.class, () -> s.addMember("fjordvik", "nobody", Role.READER, "kari"));
            assertEquals(List.of(new Membership("fjordvik", "kari", Role.LEAD), new Membership("fjordvik", "ola", Role.AUDITOR)),
                    s.members("fjordvik"));
            assertEquals(List.of("bergby", "fjordvik"), s.membershipsOf("ola").stream().map(Membership::caseId).toList());
            assertTrue(s.removeMember("fjordvik", "ola"));
            assertFalse(s.removeMember("fjordvik", "ola"));
            assertEquals(1, s.members("fjordvik").size());
        }
    }

    @Test
    void theLastLeadIsNeitherRemovedNorGivenAnotherRoleWhileOthersAreMembers() {
        try (AccessStore s = AccessStore.open(dir)) {
            s.addUser("kari", "p".toCharArray(), false);
            s.addUser("ola", "p".toCharArray(), false);
            s.addMember("fjordvik", "kari", Role.LEAD, "admin");
            s.addMember("fjordvik", "ola", Role.AUDITOR, "kari");
            LastLeadException demoted = assertThrows(LastLeadException.class, () -> s.addMember("fjordvik", "kari", Role.READER, "kari"));
            assertEquals("kari", demoted.user());
            assertThrows(LastLeadException.class, () -> s.removeMember("fjordvik", "kari"));
            List<Membership> unchanged = List.of(new Membership("fjordvik", "kari", Role.LEAD), new Membership("fjordvik", "ola", Role.AUDITOR));
            assertEquals(unchanged, s.members("fjordvik"), "a refused change is rolled back");
            // with a second lead, either may go; a case's only member may be removed, and a reader named before any lead
            s.addMember("fjordvik", "ola", Role.LEAD, "kari");
            s.addMember("fjordvik", "kari", Role.READER, "ola");
            assertTrue(s.removeMember("fjordvik", "kari"));
            assertTrue(s.removeMember("fjordvik", "ola"));
            s.addMember("bergby", "ola", Role.READER, "admin");
            assertEquals(List.of(new Membership("bergby", "ola", Role.READER)), s.members("bergby"));
        }
    }

    @Test
    void rolesAllowWhatTheIssueSays() {
        assertTrue(Role.LEAD.allows(Permission.MANAGE_MEMBERS) && Role.LEAD.allows(Permission.APPROVE));
        assertTrue(Role.AUDITOR.allows(Permission.WRITE_FINDINGS) && !Role.AUDITOR.allows(Permission.EXPORT));
        assertTrue(Role.WRITER.allows(Permission.EXPORT) && Role.WRITER.allows(Permission.EDIT_TEXT)
                && !Role.WRITER.allows(Permission.WRITE_FINDINGS));
        assertTrue(Role.READER.allows(Permission.READ) && !Role.READER.allows(Permission.EDIT_TEXT));
        assertEquals(Role.WRITER, Role.of("Skribent"));
        assertThrows(IllegalArgumentException.class, () -> Role.of("sjef"));
    }

    @Test
    void identityProviderUsersAreFoundBySubjectOrEmail() {
        try (AccessStore s = AccessStore.open(dir)) {
            s.addUser("kari", null, false);
            s.link("kari", null, "Kari@Kommune.no");
            assertEquals("kari", s.findByEmail("kari@kommune.no").orElseThrow().name());
            s.link("kari", "sub-123", null);
            assertEquals("kari", s.findBySubject("sub-123").orElseThrow().name());
            assertTrue(s.findBySubject("sub-999").isEmpty());
        }
    }
}
