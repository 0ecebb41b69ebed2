/* Thawing: the little JavaScript the pages use. Every page works without it.
   - body map: tap a region of the figure to open its list of sensations
   - suggestions: candidate emotion words for the chosen sensations, from our own API
   - emotion rows: add a suggested word, add another row
   - drafts: what is typed in a form is kept in this tab (sessionStorage) until it is saved,
     so a reload or an accidental click away loses nothing */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  /* ---- body map ---- */
  function bodyMap(form) {
    var figure = form.querySelector(".bodymap");
    if (!figure) { return; }
    function refresh() {
      var chosen = {};
      form.querySelectorAll('input[name="body"]:checked').forEach(function (box) {
        chosen[box.value.split(":")[0]] = true;
      });
      figure.querySelectorAll("[data-region]").forEach(function (shape) {
        shape.classList.toggle("chosen", !!chosen[shape.getAttribute("data-region")]);
      });
      form.querySelectorAll("details.region").forEach(function (details) {
        var count = details.querySelectorAll("input:checked").length;
        var summary = details.querySelector("summary");
        var badge = summary.querySelector(".count");
        if (!badge) { badge = document.createElement("span"); badge.className = "count"; summary.appendChild(badge); }
        badge.textContent = count ? " (" + count + ")" : "";
      });
    }
    figure.addEventListener("click", function (event) {
      var shape = event.target.closest("[data-region]");
      if (!shape) { return; }
      var region = shape.getAttribute("data-region");
      var details = form.querySelector('details.region[data-region="' + region + '"]');
      if (!details) { return; }
      details.open = true;
      figure.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
      figure.querySelectorAll('[data-region="' + region + '"]').forEach(function (el) { el.classList.add("active"); });
      details.scrollIntoView({ behavior: "smooth", block: "nearest" });
      var first = details.querySelector("input");
      if (first) { first.focus({ preventScroll: true }); }
    });
    form.addEventListener("change", function (event) {
      if (event.target.name === "body") { refresh(); suggest(form); }
    });
    refresh();
  }

  /* ---- suggestions from body to words ---- */
  var pending = null;
  function suggest(form) {
    var box = form.querySelector("#suggestions");
    if (!box) { return; }
    var params = new URLSearchParams();
    form.querySelectorAll('input[name="body"]:checked').forEach(function (input) { params.append("body", input.value); });
    var list = box.querySelector(".suggestion-list");
    if (![...params.keys()].length) { list.replaceChildren(); return; }
    if (pending) { pending.abort(); }
    pending = new AbortController();
    fetch(box.getAttribute("data-url") + "?" + params.toString(), {
      credentials: "same-origin", headers: { Accept: "application/json" }, signal: pending.signal
    }).then(function (response) { return response.ok ? response.json() : []; })
      .then(function (items) {
        list.replaceChildren();
        var groups = [];
        var byReason = {};
        items.forEach(function (item) {
          var reason = item.reasons[0] || "";
          if (!byReason[reason]) { byReason[reason] = []; groups.push(reason); }
          byReason[reason].push(item.emotion.name.toLowerCase());
        });
        groups.forEach(function (reason) {
          var li = document.createElement("li");
          var text = document.createElement("span");
          text.className = "reason";
          text.textContent = reason;
          var words = document.createElement("span");
          words.className = "words";
          byReason[reason].forEach(function (name) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "chip add-word";
            button.setAttribute("data-word", name);
            button.textContent = box.getAttribute("data-add-label").replace("%s", name);
            words.append(button, " ");
          });
          li.append(text, words);
          list.appendChild(li);
        });
      }).catch(function () { /* offline or aborted: the button below still works */ });
  }

  /* ---- emotion word rows ---- */
  function addRow(rows) {
    var last = rows.querySelector(".emotion-row:last-child");
    var row = last.cloneNode(true);
    row.querySelectorAll("input").forEach(function (input) { input.value = ""; });
    row.querySelectorAll("select").forEach(function (select) { select.selectedIndex = 0; });
    rows.appendChild(row);
    return row;
  }
  function emotionRows(form) {
    var rows = form.querySelector("#emotion-rows");
    if (!rows) { return; }
    function newRow() { return addRow(rows); }
    function addWord(word) {
      var inputs = Array.prototype.slice.call(rows.querySelectorAll('input[name="emotion"]'));
      if (inputs.some(function (input) { return input.value.trim().toLowerCase() === word.toLowerCase(); })) { return; }
      var empty = inputs.filter(function (input) { return !input.value.trim(); })[0];
      var target = empty || newRow().querySelector('input[name="emotion"]');
      target.value = word;
      target.dispatchEvent(new Event("input", { bubbles: true }));
    }
    form.addEventListener("click", function (event) {
      var button = event.target.closest(".add-word");
      if (button) { addWord(button.getAttribute("data-word")); button.setAttribute("aria-pressed", "true"); }
    });
    var more = form.querySelector("#add-emotion");
    if (more) {
      more.addEventListener("click", function () { newRow().querySelector("input").focus(); });
    }
  }

  /* ---- drafts that survive a reload or a click away ---- */
  var PENDING = "thawing-saving";
  var PREFIX = "thawing-draft:";
  function draftKey(keep) { return PREFIX + (document.body.getAttribute("data-user") || "") + ":" + keep; }
  function forgetAllDrafts() {
    Object.keys(sessionStorage).forEach(function (key) {
      if (key.indexOf(PREFIX) === 0) { sessionStorage.removeItem(key); }
    });
  }
  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrfmiddlewaretoken" && !/^(password|hidden|submit|button|file)$/.test(el.type);
    });
  }
  function snapshot(form) {
    var data = {};
    fields(form).forEach(function (el) {
      var key = el.name;
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) { (data[key] = data[key] || []).push(el.value); }
      } else {
        (data[key] = data[key] || []).push(el.value);
      }
    });
    return data;
  }
  function restore(form, data) {
    var seen = {};
    var rows = form.querySelector("#emotion-rows");
    if (rows && data.emotion) {
      // Make room for every word that was typed, not only the rows the page starts with.
      while (rows.querySelectorAll('input[name="emotion"]').length < data.emotion.length) { addRow(rows); }
    }
    fields(form).forEach(function (el) {
      var values = data[el.name];
      if (!values) { if (el.type === "checkbox" || el.type === "radio") { el.checked = false; } return; }
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = values.indexOf(el.value) >= 0;
      } else {
        var i = seen[el.name] || 0;
        seen[el.name] = i + 1;
        if (i < values.length) { el.value = values[i]; }
      }
    });
  }
  function drafts() {
    var saving = sessionStorage.getItem(PENDING);
    sessionStorage.removeItem(PENDING);
    // Pages that save and come back to themselves (lists, connections) show the form again, empty:
    // the success message is what proves the save, whatever the next page holds.
    if (saving && document.querySelector(".message.success")) {
      // The page after sending says it was saved: only then can the draft go. Anything else
      // (a sign-in page after a session ran out, an error) keeps it for next time.
      sessionStorage.removeItem(draftKey(saving));
    }
    document.querySelectorAll("form.signout").forEach(function (form) {
      // Locking leaves no private text behind in this tab.
      form.addEventListener("submit", forgetAllDrafts);
    });
    document.querySelectorAll("form[data-keep]").forEach(function (form) {
      var key = draftKey(form.getAttribute("data-keep"));
      var stored = sessionStorage.getItem(key);
      var dirty = false;
      var hasErrors = !!form.querySelector(".error-summary");
      if (stored && !hasErrors && JSON.stringify(snapshot(form)) !== stored) {
        restore(form, JSON.parse(stored));
        var note = document.createElement("p");
        note.className = "message";
        note.setAttribute("role", "status");
        note.textContent = form.getAttribute("data-restored") || "We brought back what you had not saved yet.";
        form.insertBefore(note, form.firstChild);
        dirty = true;
      }
      function remember() { dirty = true; sessionStorage.setItem(key, JSON.stringify(snapshot(form))); }
      form.addEventListener("input", remember);
      form.addEventListener("change", remember);
      form.addEventListener("submit", function () { dirty = false; sessionStorage.setItem(PENDING, form.getAttribute("data-keep")); });
      window.addEventListener("beforeunload", function (event) {
        if (dirty) { event.preventDefault(); event.returnValue = ""; }
      });
    });
  }

  /* ---- practice player: one step at a time, a ring timer, a breathing pacer, a soft end sound.
     Time is counted in small ticks of at most two seconds, so a laptop that sleeps mid-practice
     does not turn the sleep into practice time: the session saves what really ran. ---- */
  function chime(audio) {
    if (!audio) { return; }
    [[528, 0], [660, 0.35]].forEach(function (pair) {
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      var start = audio.currentTime + pair[1];
      osc.type = "sine";
      osc.frequency.value = pair[0];
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.12, start + 0.05);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 2.5);
      osc.connect(gain).connect(audio.destination);
      osc.start(start);
      osc.stop(start + 2.6);
    });
  }
  function player(form) {
    var stage = form.querySelector(".stage");
    var after = form.querySelector(".after");
    var stepsCard = form.querySelector(".steps-card");
    var steps = Array.prototype.map.call(form.querySelectorAll(".steps li"), function (li) {
      var seconds = parseInt(li.getAttribute("data-seconds"), 10);
      var prompt = li.querySelector(".step-prompt");
      return { text: li.querySelector(".step-text").textContent, seconds: seconds > 0 ? seconds : 0,
               prompt: prompt ? prompt.textContent : "" };
    });
    var say = function (name) { return form.getAttribute("data-say-" + name) || ""; };
    var breathIn = parseFloat(form.getAttribute("data-pacer-in")) || 0;
    var breathOut = parseFloat(form.getAttribute("data-pacer-out")) || 0;
    var buttons = {};
    stage.querySelectorAll("[data-do]").forEach(function (b) { buttons[b.getAttribute("data-do")] = b; });
    var ring = stage.querySelector(".ring-front");
    var breath = stage.querySelector(".breath");
    var now = stage.querySelector(".step-now");
    var count = stage.querySelector(".step-count");
    var left = stage.querySelector(".time-left");
    var cue = stage.querySelector(".breath-cue");
    var state = { index: -1, remaining: 0, running: false, active: 0, last: 0, timer: null, audio: null, ended: false };
    var pauseLabel = buttons.pause.textContent;

    stage.hidden = false;
    stepsCard.hidden = true;
    after.hidden = true;
    if (!breathIn) { breath.style.display = "none"; }

    function show() {
      var step = steps[state.index];
      count.textContent = (state.index + 1) + " / " + steps.length;
      now.textContent = step.text + (step.prompt ? " " + step.prompt : "");
      buttons.next.hidden = false;
    }
    function go(index) {
      if (index >= steps.length) { finish(true); return; }
      state.index = index;
      state.remaining = steps[index].seconds;
      show();
    }
    function paint() {
      var step = steps[state.index];
      if (!step) { return; }
      if (step.seconds) {
        var shown = Math.max(0, Math.ceil(state.remaining));
        left.textContent = Math.floor(shown / 60) + ":" + ("0" + (shown % 60)).slice(-2);
        ring.style.strokeDashoffset = String(100 * (1 - state.remaining / step.seconds));
      } else {
        left.textContent = say("ready");
        ring.style.strokeDashoffset = "0";
      }
      if (breathIn) {
        var phase = state.active % (breathIn + breathOut);
        var inhaling = phase < breathIn;
        var share = inhaling ? phase / breathIn : 1 - (phase - breathIn) / breathOut;
        breath.setAttribute("r", String(18 + 28 * share));
        var word = inhaling ? say("in") : say("out");
        if (cue.textContent !== word) { cue.textContent = word; }
      }
    }
    function tick() {
      var t = performance.now();
      var delta = Math.min((t - state.last) / 1000, 2);
      state.last = t;
      if (!state.running) { return; }
      state.active += delta;
      if (steps[state.index].seconds) {
        state.remaining -= delta;
        if (state.remaining <= 0) { go(state.index + 1); }
      }
      if (!state.ended) { paint(); }
    }
    function finish(completed) {
      if (state.ended) { return; }
      state.ended = true;
      state.running = false;
      clearInterval(state.timer);
      form.querySelector('input[name="seconds"]').value = String(Math.round(state.active));
      form.querySelector('input[name="completed"]').value = completed ? "1" : "0";
      now.textContent = say("done");
      cue.textContent = "";
      left.textContent = "";
      ["pause", "next", "stop"].forEach(function (name) { buttons[name].hidden = true; });
      if (completed && buttons.sound.checked) { chime(state.audio); }
      after.hidden = false;
      var legend = after.querySelector("legend");
      if (legend) { legend.setAttribute("tabindex", "-1"); legend.focus(); }
    }
    buttons.start.addEventListener("click", function () {
      try { state.audio = new (window.AudioContext || window.webkitAudioContext)(); } catch (e) { state.audio = null; }
      buttons.start.hidden = true;
      buttons.pause.hidden = false;
      buttons.stop.hidden = false;
      state.running = true;
      state.last = performance.now();
      go(0);
      paint();
      state.timer = setInterval(tick, 250);
      now.focus && now.setAttribute("tabindex", "-1");
    });
    buttons.pause.addEventListener("click", function () {
      state.running = !state.running;
      state.last = performance.now();
      buttons.pause.textContent = state.running ? pauseLabel : (buttons.pause.getAttribute("data-resume") || "Resume");
      if (!state.running) { cue.textContent = say("paused"); }
    });
    buttons.next.addEventListener("click", function () { go(state.index + 1); if (!state.ended) { paint(); } });
    buttons.stop.addEventListener("click", function () { finish(false); });
    form.addEventListener("submit", function () {
      var seconds = form.querySelector('input[name="seconds"]');
      if (stage && !seconds.value) { seconds.value = String(Math.round(state.active)); }
      if (!state.ended && state.index >= 0) { form.querySelector('input[name="completed"]').value = "0"; }
    });
  }

  /* ---- long requests (imports): say that work is under way, and keep the person from sending twice ---- */
  function busyForms() {
    document.querySelectorAll("form[data-busy]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (form.getAttribute("aria-busy") === "true") { event.preventDefault(); return; }
        form.setAttribute("aria-busy", "true");
        var note = document.createElement("p");
        note.className = "message busy";
        note.setAttribute("role", "status");
        note.textContent = form.getAttribute("data-busy");
        form.appendChild(note);
      });
    });
  }

  /* ---- a copy button for drafted messages ---- */
  function copyButtons() {
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      var target = document.getElementById(button.getAttribute("data-copy"));
      button.hidden = false;
      button.addEventListener("click", function () {
        target.select();
        if (navigator.clipboard) { navigator.clipboard.writeText(target.value); } else { document.execCommand("copy"); }
        button.textContent = button.getAttribute("data-done") || button.textContent;
      });
    });
  }

  /* ---- browser notifications at the check-in times, only while Thawing is open, only if asked ---- */
  var NOTIFY = "thawing-notify";
  function notifications() {
    var button = document.querySelector("[data-notify]");
    if (!("Notification" in window)) { if (button) { button.hidden = true; } return; }
    if (button) {
      button.addEventListener("click", function () {
        Notification.requestPermission().then(function (answer) {
          if (answer === "granted") {
            localStorage.setItem(NOTIFY, button.getAttribute("data-title") || "Thawing");
            button.textContent = button.getAttribute("data-granted");
          }
        });
      });
    }
    var times = (document.body.getAttribute("data-reminders") || "").split(" ").filter(Boolean);
    var title = localStorage.getItem(NOTIFY);
    if (!times.length || !title || Notification.permission !== "granted") { return; }
    var zone = document.body.getAttribute("data-zone") || undefined;
    function clock(now) {
      // The times are the person's own (their profile's time zone), not this browser's.
      try {
        return new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit",
                                                 hourCycle: "h23" }).format(now);
      } catch (e) {
        return ("0" + now.getHours()).slice(-2) + ":" + ("0" + now.getMinutes()).slice(-2);
      }
    }
    setInterval(function () {
      var now = new Date();
      var hhmm = clock(now);
      var key = NOTIFY + "-" + now.toDateString() + "-" + hhmm;
      if (times.indexOf(hhmm) >= 0 && !localStorage.getItem(key)) {
        localStorage.setItem(key, "1");
        new Notification(title);
      }
    }, 20000);
  }

  ready(function () {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    drafts();
    document.querySelectorAll("form.checkin").forEach(function (form) { bodyMap(form); emotionRows(form); });
    document.querySelectorAll("form.player").forEach(player);
    copyButtons();
    busyForms();
    notifications();
  });
})();
