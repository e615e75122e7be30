package dev.sttclients.runtime.waiter;

import static dev.sttclients.runtime.waiter.Scripted.Status.DONE;
import static dev.sttclients.runtime.waiter.Scripted.Status.QUEUED;
import static dev.sttclients.runtime.waiter.Scripted.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.testing.FakeTime;
import dev.sttclients.runtime.waiter.Scripted.Job;
import dev.sttclients.runtime.waiter.Scripted.Script;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The waits every vendor's job resource gets from the interface, on a resource with integer ids. */
class JobResourceTest {

  /** A resource whose fetch plays a script and records the ids it was asked for. */
  static final class Resource implements JobResource<Integer, Job> {
    final Script script;
    final List<Integer> fetched = new CopyOnWriteArrayList<>();

    Resource(Script script) {
      this.script = script;
    }

    @Override
    public JobDescriptor<Job> jobDescriptor() {
      return Scripted.JOB;
    }

    @Override
    public ApiResponse<Job> fetchJob(Integer jobId, RequestOptions options) {
      fetched.add(jobId);
      return script.apply(options);
    }
  }

  /** The defaults (real clock, sleeper and shared threads): a job already done needs one poll and no wait. */
  @Test
  void withDefaultsAFinishedJobIsReturnedAfterOnePoll() throws Exception {
    Resource blocking = new Resource(new Script(job(DONE)));
    assertEquals(DONE, blocking.waitUntilDone(42).status());
    assertEquals(List.of(42), blocking.fetched);

    Resource async = new Resource(new Script(job(DONE)));
    CompletableFuture<Job> future = async.waitUntilDoneAsync(43);
    assertEquals(DONE, future.get(30, TimeUnit.SECONDS).status());
    assertEquals(List.of(43), async.fetched);
  }

  @Test
  void withOptionsTheWaitPollsTheSameJobUntilDone() throws Exception {
    FakeTime time = new FakeTime();
    VirtualScheduler scheduler = new VirtualScheduler(time);
    WaitOptions options = WaitOptions.builder().pollInterval(Duration.ofSeconds(2)).jitter(0).clock(time)
        .sleeper(time).scheduler(scheduler).executor(Runnable::run).build();

    Resource blocking = new Resource(new Script(job(QUEUED), job(DONE)));
    assertEquals(DONE, blocking.waitUntilDone(7, options).status());
    assertEquals(List.of(7, 7), blocking.fetched);
    assertEquals(List.of(Duration.ofSeconds(2)), time.sleeps);

    Resource async = new Resource(new Script(job(QUEUED), job(QUEUED), job(DONE)));
    CompletableFuture<Job> future = async.waitUntilDoneAsync(8, options);
    assertFalse(future.isDone());
    scheduler.runUntil(future::isDone);
    Job done = future.get();
    assertEquals(DONE, done.status());
    assertEquals("j1", done.id());
    assertEquals(List.of(8, 8, 8), async.fetched);

    ApiResponse<Job> response = new Resource(new Script(job(DONE))).waitUntilDoneWithResponse(9, options);
    assertEquals(200, response.statusCode());
    assertSame(DONE, response.body().status());
  }
}
