// Starts the TechTrack chat widget (rasa-webchat, served from this server) and fills in what the
// widget leaves out for keyboard and screen-reader users: labels, keyboard-usable reply buttons,
// a heading level that fits the page, Escape to close.
(function () {
  "use strict";

  // The bot's address: this page's own, unless the script tag names another (data-socket-url), as
  // on a site that embeds the chat.
  var script = document.currentScript;
  var socketUrl = (script && script.dataset.socketUrl) || window.location.origin;

  var LABELS = [
    [".rw-new-message", "aria-label", "Your question"],
    [".rw-send", "aria-label", "Send"],
    [".rw-close-button", "aria-label", "Close the chat"],
    [".rw-messages-container", "aria-label", "Conversation with the TechTrack Assistant"],
    [".rw-messages-container", "role", "log"],
    [".rw-messages-container", "aria-live", "polite"],
    [".rw-conversation-container", "role", "region"],
    [".rw-conversation-container", "aria-label", "TechTrack Assistant chat"],
    [".rw-reply:not(a)", "role", "button"],
    [".rw-reply:not(a)", "tabindex", "0"],
    // The widget's title is an <h4>; on the page it follows the main content's <h2>s, so it is a
    // second-level heading (the widget renders the element itself, so only its level changes).
    [".rw-title", "aria-level", "2"]
  ];

  function chatIsOpen() {
    return document.querySelector(".rw-conversation-container") !== null;
  }

  function label() {
    LABELS.forEach(function (rule) {
      document.querySelectorAll(rule[0]).forEach(function (element) {
        if (element.getAttribute(rule[1]) !== rule[2]) {
          element.setAttribute(rule[1], rule[2]);
        }
      });
    });
    var launcher = document.querySelector(".rw-launcher");
    if (launcher) {
      var open = chatIsOpen();
      launcher.setAttribute("aria-label", open ? "Close the chat" : "Open the TechTrack Assistant chat");
      launcher.setAttribute("aria-expanded", open ? "true" : "false");
    }
    var unavailable = document.getElementById("chat-unavailable");
    if (unavailable && (launcher || chatIsOpen())) {
      unavailable.hidden = true;
    }
  }

  // The widget scrolls to the bottom whenever it renders, so a long answer would be shown from its
  // end. Until the person scrolls themselves, keep the latest question at the top instead, so the
  // answer reads from its start.
  var userScrolled = false;
  var questionsSeen = 0;
  function showAnswerFromTheTop() {
    var container = document.querySelector(".rw-messages-container");
    if (!container) {
      return;
    }
    if (!container.dataset.techtrackWatched) {
      container.dataset.techtrackWatched = "yes";
      ["wheel", "touchmove", "keydown"].forEach(function (name) {
        container.addEventListener(name, function () { userScrolled = true; }, { passive: true });
      });
    }
    var questions = container.querySelectorAll(".rw-from-client");
    if (questions.length !== questionsSeen) {
      questionsSeen = questions.length;
      userScrolled = false;
    }
    var question = questions[questions.length - 1];
    if (!question || userScrolled) {
      return;
    }
    var top = question.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;
    if (container.scrollHeight - top > container.clientHeight) {
      container.scrollTop = top - 8;
    }
  }

  function closeChat() {
    var close = document.querySelector(".rw-close-button") || document.querySelector(".rw-launcher");
    if (close) {
      close.click();
    }
    window.setTimeout(function () {
      var launcher = document.querySelector(".rw-launcher");
      if (launcher) {
        launcher.focus();
      }
    }, 0);
  }

  function openChat() {
    if (!chatIsOpen()) {
      var launcher = document.querySelector(".rw-launcher");
      var unavailable = document.getElementById("chat-unavailable");
      if (launcher) {
        launcher.click();
      } else if (unavailable) {
        unavailable.hidden = false;
      }
    }
    window.setTimeout(function () {
      var input = document.querySelector(".rw-new-message");
      if (input) {
        input.focus();
      }
    }, 0);
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if ((event.key === "Enter" || event.key === " ") && target.matches && target.matches(".rw-reply:not(a)")) {
      event.preventDefault();
      target.click();
    } else if (event.key === "Escape" && chatIsOpen()) {
      event.preventDefault();
      closeChat();
    }
  });

  new MutationObserver(function () {
    label();
    showAnswerFromTheTop();
  }).observe(document.body, { childList: true, subtree: true });

  // The widget shows itself only once connected: say so if it hasn't after 10 s.
  window.setTimeout(function () {
    var unavailable = document.getElementById("chat-unavailable");
    if (unavailable && !document.querySelector(".rw-launcher") && !chatIsOpen()) {
      unavailable.hidden = false;
    }
  }, 10000);

  // A button on the page that opens the chat, where the page has one.
  var opener = document.getElementById("open-chat");
  if (opener) {
    opener.addEventListener("click", openChat);
  }

  window.WebChat.default({
    socketUrl: socketUrl,
    socketPath: "/socket.io/",
    title: "TechTrack Assistant",
    subtitle: "Questions about the apprenticeship",
    inputTextFieldHint: "Type your question…",
    connectingText: "Connecting…",
    initPayload: "/greet",
    customData: { language: "en" },
    // Kept for the life of the tab, so a reload keeps the conversation; closing the tab clears it.
    params: { storage: "session" },
    showMessageDate: false,
    // The widget's default pauses up to 3 s before each message, as if typing: too slow to read.
    customMessageDelay: function () { return 300; }
  }, null);
  label();
})();
