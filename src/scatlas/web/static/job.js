// Polls an upload job's status; when it has finished, reloads so the server renders what was found.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) return;
  var status = box.dataset.status;
  if (status === "done" || status === "failed") return;
  var id = box.dataset.job;
  var stages = {queued: 0, loading_coder: 1, ingesting: 2, finished: 3};
  var polls = 0;
  function poll() {
    polls += 1;
    fetch("/api/jobs/" + encodeURIComponent(id), {headers: {Accept: "application/json"}})
      .then(function (r) { return r.json(); })
      .then(function (job) {
        var stage = document.getElementById("job-stage");
        var labels = JSON.parse(stage.dataset.labels || "{}");
        stage.textContent = labels[job.stage] || job.stage;
        document.getElementById("job-elapsed").textContent = job.elapsed + " s";
        document.getElementById("job-progress").value = stages[job.stage] || 0;
        if (job.status === "done" || job.status === "failed") {
          window.location.reload();
        } else if (polls < 3600) {
          window.setTimeout(poll, 700);
        }
      })
      .catch(function () { if (polls < 3600) window.setTimeout(poll, 2000); });
  }
  window.setTimeout(poll, 300);
})();
