package dev.triage.plugin.overview.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TiDB and StarRocks cluster views, on result rows shaped as those servers return them (no such server runs here). */
class ClusterMetricsTest {

    static final double GIB = 1024d * 1024 * 1024;

    @Test
    void tidbClusterInfoCountsInstancesPerComponent() {
        List<Map<String, String>> rows = List.of(
                Map.of("TYPE", "tidb", "INSTANCE", "10.0.1.1:4000", "VERSION", "8.5.1"),
                Map.of("TYPE", "pd", "INSTANCE", "10.0.1.2:2379", "VERSION", "8.5.1"),
                Map.of("TYPE", "tikv", "INSTANCE", "10.0.1.3:20160", "VERSION", "8.5.1"),
                Map.of("TYPE", "tikv", "INSTANCE", "10.0.1.4:20160", "VERSION", "8.5.1"),
                Map.of("TYPE", "tikv", "INSTANCE", "10.0.1.5:20160", "VERSION", "8.5.1"),
                Map.of("TYPE", "tiflash", "INSTANCE", "10.0.1.6:3930", "VERSION", "8.5.1"));
        assertThat(ClusterMetrics.tidbClusterInfo(rows)).containsEntry("cluster.tidb.instances", 1.0).containsEntry("cluster.pd.instances", 1.0)
                .containsEntry("cluster.tikv.instances", 3.0).containsEntry("cluster.tiflash.instances", 1.0).hasSize(4);
    }

    @Test
    void tidbStoresSumCapacityAndCountStoresNotUp() {
        List<Map<String, String>> rows = List.of(
                Map.of("STORE_ID", "1", "STORE_STATE_NAME", "Up", "CAPACITY", "1.8TiB", "AVAILABLE", "1.2TiB", "REGION_COUNT", "1200"),
                Map.of("STORE_ID", "4", "STORE_STATE_NAME", "Up", "CAPACITY", "1.8TiB", "AVAILABLE", "1TiB", "REGION_COUNT", "1180"),
                Map.of("STORE_ID", "5", "STORE_STATE_NAME", "Disconnected", "CAPACITY", "512GiB", "AVAILABLE", "0B", "REGION_COUNT", "0"));
        Map<String, Double> m = ClusterMetrics.tidbStores(rows);
        double capacity = (1.8 + 1.8) * 1024 * GIB + 512 * GIB;
        double available = 2.2 * 1024 * GIB;
        assertThat(m.get("cluster.tikv.capacity_bytes")).isCloseTo(capacity, within(1.0));
        assertThat(m.get("cluster.tikv.available_bytes")).isCloseTo(available, within(1.0));
        assertThat(m.get("cluster.tikv.used_pct")).isCloseTo(100 * (capacity - available) / capacity, within(1e-9));
        assertThat(m).containsEntry("cluster.tikv.stores", 3.0).containsEntry("cluster.tikv.stores_not_up", 1.0)
                .containsEntry("cluster.tikv.regions", 2380.0);
        assertThat(ClusterMetrics.tidbStores(List.of())).isEmpty();
    }

    @Test
    void starRocksBackendsAndFrontends() {
        List<Map<String, String>> be = List.of(
                Map.of("BackendId", "10002", "IP", "10.0.2.1", "Alive", "true", "DataUsedCapacity", "120.500 GB", "AvailCapacity",
                        "300.000 GB", "TotalCapacity", "500.000 GB", "UsedPct", "40.10 %", "TabletNum", "5012"),
                Map.of("BackendId", "10003", "IP", "10.0.2.2", "Alive", "false", "DataUsedCapacity", "0.000 ", "AvailCapacity",
                        "1.000 B", "TotalCapacity", "500.000 GB", "UsedPct", "87.25 %", "TabletNum", "4990"));
        Map<String, Double> m = ClusterMetrics.starRocksBackends(be);
        assertThat(m).containsEntry("cluster.be.count", 2.0).containsEntry("cluster.be.alive", 1.0)
                .containsEntry("cluster.be.max_used_pct", 87.25).containsEntry("cluster.be.tablets", 10002.0);
        assertThat(m.get("cluster.be.data_used_bytes")).isCloseTo(120.5 * GIB, within(1.0));
        assertThat(m.get("cluster.be.total_bytes")).isCloseTo(1000 * GIB, within(1.0));
        List<Map<String, String>> fe = List.of(Map.of("Name", "fe1", "Role", "LEADER", "Alive", "true"),
                Map.of("Name", "fe2", "Role", "FOLLOWER", "Alive", "true"), Map.of("Name", "fe3", "Role", "FOLLOWER", "Alive", "false"));
        assertThat(ClusterMetrics.starRocksFrontends(fe)).containsEntry("cluster.fe.count", 3.0).containsEntry("cluster.fe.alive", 2.0);
    }

    @Test
    void sizesAndNumbersThatDoNotParseAreSkipped() {
        assertThat(ClusterMetrics.bytes("1.5 KB")).isEqualTo(1536);
        assertThat(ClusterMetrics.bytes("42")).isEqualTo(42);
        assertThat(ClusterMetrics.bytes("n/a")).isNaN();
        assertThat(ClusterMetrics.bytes(" ")).isNaN();
        assertThat(ClusterMetrics.number("12.5 %")).isEqualTo(12.5);
        assertThat(ClusterMetrics.starRocksBackends(List.of(Map.of("Alive", "true", "UsedPct", "?")))).containsEntry("cluster.be.max_used_pct", 0.0);
    }
}
