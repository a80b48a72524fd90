package io.oxyde.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.Oxyde;
import io.oxyde.chinook.Track;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/** query.publisher(batchSize): back-pressured streaming by keyset pages. */
class PublisherTest {

    /** Requests one row at a time; optionally cancels after {@code stopAfter} rows. */
    private static final class OneByOne implements Flow.Subscriber<Track> {
        final List<Long> ids = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> end = new CompletableFuture<>();
        final int stopAfter;
        Flow.Subscription subscription;

        OneByOne(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(Track item) {
            ids.add(item.id());
            if (ids.size() == stopAfter) {
                subscription.cancel();
                end.complete("cancelled");
                return;
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            end.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            end.complete("complete");
        }
    }

    @AllDatabases
    void deliversEveryRowInKeyOrderOnDemand(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        OneByOne all = new OneByOne(-1);
        db.objects(Track.class).filter("genre__name", "Metal").publisher(100).subscribe(all);
        assertThat(all.end.get(60, TimeUnit.SECONDS)).isEqualTo("complete");
        assertThat(all.ids).isEqualTo(Expect.trackIds(t -> "Metal".equals(Expect.genreName(t))));
    }

    @AllDatabases
    void cancelStopsDelivery(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        OneByOne some = new OneByOne(150);
        db.objects(Track.class).publisher(64).subscribe(some);
        assertThat(some.end.get(60, TimeUnit.SECONDS)).isEqualTo("cancelled");
        Thread.sleep(200);
        assertThat(some.ids).hasSize(150).isEqualTo(Expect.trackIds(t -> t.id() <= 150));
    }
}
