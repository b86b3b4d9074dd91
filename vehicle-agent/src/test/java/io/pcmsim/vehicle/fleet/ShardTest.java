package io.pcmsim.vehicle.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcmsim.protocol.Vin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void includes_forEveryFleetSizeAndShardCount_shardsAreDisjointAndTogetherTheFleet() {
        for (int vehicles : new int[] {0, 1, 2, 7, 100, 1001}) {
            for (int count = 1; count <= 7; count++) {
                List<Integer> seen = new ArrayList<>();
                for (int number = 1; number <= count; number++) {
                    Shard shard = new Shard(number, count);
                    List<Integer> mine = IntStream.range(0, vehicles).filter(shard::includes).boxed().toList();
                    assertThat(mine).as("size of %s of %d", shard, vehicles).hasSize(shard.size(vehicles));
                    assertThat(mine.size()).as("balanced").isBetween(vehicles / count, vehicles / count + 1);
                    seen.addAll(mine);
                }
                assertThat(seen).as("%d cars in %d shards", vehicles, count)
                        .doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, vehicles).boxed().toList());
            }
        }
    }

    @Test
    void fleet_splitInFourShards_runsEveryVinOfTheFleetExactlyOnceAndTheSameOnesEveryTime() {
        List<Vin> fleet = new VinGenerator(42).generate(50);
        Set<Vin> union = new HashSet<>();
        int total = 0;
        for (int number = 1; number <= 4; number++) {
            List<Vin> first = vinsOf(new Shard(number, 4));
            List<Vin> again = vinsOf(new Shard(number, 4));
            assertThat(again).as("stable across runs").containsExactlyElementsOf(first);
            assertThat(first).isSubsetOf(fleet);
            union.addAll(first);
            total += first.size();
        }
        assertThat(total).as("no VIN in two shards").isEqualTo(50);
        assertThat(union).containsExactlyInAnyOrderElementsOf(fleet);
    }

    private static List<Vin> vinsOf(Shard shard) {
        try (Fleet fleet = Fleet.create(FleetConfig.builder().vehicles(50).seed(42).shard(shard).build())) {
            return fleet.vehicles().stream().map(EmulatedVehicle::vin).toList();
        }
    }

    @Test
    void privacyFraction_isTheSameShareInEveryShard() {
        FleetConfig config = FleetConfig.builder().vehicles(100).privacyFraction(0.25).build();
        assertThat(IntStream.range(0, 100).filter(config::startsPrivate).count()).isEqualTo(25);
        FleetConfig none = FleetConfig.builder().vehicles(100).build();
        assertThat(IntStream.range(0, 100).filter(none::startsPrivate).count()).isZero();
        FleetConfig all = FleetConfig.builder().vehicles(100).privacyFraction(1).build();
        assertThat(IntStream.range(0, 100).filter(all::startsPrivate).count()).isEqualTo(100);
    }

    @Test
    void parse_readsKOverNAndExplainsWhatItCannotRead() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse(" 1 / 1 ")).isEqualTo(Shard.whole());
        assertThatThrownBy(() -> Shard.parse("5/4")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shard 5/4 does not exist: K/N needs 1 <= K <= N");
        assertThatThrownBy(() -> Shard.parse("0/4")).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Shard.parse("two of four")).hasMessageContaining("is not a shard: write K/N");
        assertThatThrownBy(() -> Shard.parse("1/0")).hasMessageContaining("does not exist");
    }
}
