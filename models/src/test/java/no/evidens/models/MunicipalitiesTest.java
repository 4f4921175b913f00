package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class MunicipalitiesTest {

    @Test
    void everyMunicipalityOfNorwayWithItsCounty() {
        List<Municipalities.Municipality> all = Municipalities.all();
        assertEquals(357, all.size());
        Set<String> counties = new TreeSet<>(all.stream().map(Municipalities.Municipality::county).toList());
        assertEquals(15, counties.size(), counties.toString());
        assertTrue(all.contains(new Municipalities.Municipality("Kautokeino", "Finnmark")));
        assertTrue(all.contains(new Municipalities.Municipality("Moss", "Østfold")), "the ~ of a person-like name is not part of it");
        assertTrue(all.contains(new Municipalities.Municipality("Våler", "Østfold")));
        assertTrue(all.contains(new Municipalities.Municipality("Våler", "Innlandet")));
        assertTrue(all.stream().allMatch(m -> DomainNames.shared().isMunicipality(m.name())));
    }
}
