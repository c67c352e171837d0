// Coding forms: the sub-type list shows only the chosen domain's sub-types, and is asked again (cleared and
// flagged) when the domain changes, so a sub-type of the old domain is never stored under the new one.
(function () {
  "use strict";
  function sync(form, changed) {
    var domain = form.querySelector(".cf-domain");
    var sub = form.querySelector(".cf-subtype");
    if (!domain || !sub) return;
    var any = false;
    Array.prototype.forEach.call(sub.options, function (opt) {
      var fits = !opt.dataset.domain || opt.dataset.domain === domain.value;
      opt.hidden = !fits;
      opt.disabled = !fits;
      if (opt.dataset.domain && fits) any = true;
    });
    if (changed) {
      sub.value = "";
      var again = form.querySelector(".cf-again");
      if (again && any) again.hidden = false;
    }
    sub.disabled = !any;
  }
  window.scatlasCodingForms = function (root) {
    Array.prototype.forEach.call((root || document).querySelectorAll("form.coding-form, form.rv-form"), function (form) {
      sync(form, false);
      var domain = form.querySelector(".cf-domain");
      if (domain) domain.addEventListener("change", function () { sync(form, true); });
    });
  };
  window.scatlasCodingForms(document);
})();
