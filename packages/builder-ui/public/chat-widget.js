// Xiaoer chat widget: one script tag on a shop page adds a chat button.
//   <script src="https://your-xiaoer/chat-widget.js" data-customer="u123" data-tier="vip"
//           data-lang="zh" data-order="A10023" data-signature="<hex>" data-expires="<unix s>"
//           async></script>
// (data-signature: HMAC-SHA256 of "id.tier.expires" with chat.customerSecret, made by the
// shop's server; needed when Xiaoer is configured with that secret.)
// The chat itself runs in an iframe from the Xiaoer server (chat.html), so the shop page's
// scripts and styles and the chat's stay apart.
(function () {
  var script = document.currentScript;
  if (!script || window.__xiaoerChat) return;
  window.__xiaoerChat = true;
  var origin = new URL(script.src).origin;
  var data = script.dataset;
  var query = new URLSearchParams();
  if (data.customer) query.set('customer', data.customer);
  if (data.tier) query.set('tier', data.tier);
  if (data.lang) query.set('lang', data.lang);
  if (data.order) query.set('order', data.order);
  // The shop's signature of the customer's id and tier, when Xiaoer asks for one.
  if (data.signature) query.set('sig', data.signature);
  if (data.expires) query.set('exp', data.expires);
  var zh = (data.lang || navigator.language || 'zh').indexOf('zh') === 0;

  var button = document.createElement('button');
  button.type = 'button';
  button.id = 'xiaoer-chat-button';
  button.textContent = zh ? '💬 在线客服' : '💬 Chat with us';
  button.style.cssText =
    'position:fixed;right:20px;bottom:20px;z-index:2147483646;padding:12px 18px;border:0;' +
    'border-radius:24px;background:#0958d9;color:#fff;font-size:15px;cursor:pointer;' +
    'box-shadow:0 4px 12px rgba(0,0,0,.2)';
  var label = button.textContent;
  // Under 600 px (a phone) the chat takes the whole screen, and the button becomes its close
  // button in the top corner; on a wider screen it is a panel above the button.
  var phone = window.matchMedia('(max-width: 600px)');
  var frame;
  var panel =
    'position:fixed;right:20px;bottom:76px;z-index:2147483646;width:min(380px,calc(100vw - 40px));' +
    'height:min(560px,calc(100vh - 100px));border:0;border-radius:12px;' +
    'box-shadow:0 8px 24px rgba(0,0,0,.25);background:#fff';
  var fullScreen =
    'position:fixed;inset:0;z-index:2147483646;width:100vw;height:100dvh;border:0;' +
    'border-radius:0;background:#fff';
  var buttonStyle = button.style.cssText;
  var closeStyle =
    'position:fixed;right:8px;top:6px;z-index:2147483647;padding:6px 12px;border:0;' +
    'border-radius:16px;background:rgba(0,0,0,.25);color:#fff;font-size:15px;cursor:pointer';
  function layout() {
    var open = isOpen();
    if (frame)
      frame.style.cssText = (phone.matches ? fullScreen : panel) + (open ? '' : ';display:none');
    var closing = open && phone.matches;
    button.style.cssText = closing ? closeStyle : buttonStyle;
    button.textContent = closing ? '✕' : label;
    button.setAttribute('aria-label', closing ? (zh ? '关闭客服' : 'Close chat') : label);
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  }
  function isOpen() {
    return !!frame && frame.style.display !== 'none';
  }
  button.addEventListener('click', function () {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.id = 'xiaoer-chat-frame';
      frame.title = zh ? '小二客服' : 'Xiaoer chat';
      frame.src = origin + '/chat.html?' + query.toString();
      // Right after the button: Tab goes from the button into the chat.
      button.parentNode.insertBefore(frame, button.nextSibling);
    } else frame.style.display = isOpen() ? 'none' : 'block';
    layout();
  });
  // Esc closes the chat (in it, the chat page asks for it), and the focus is on the button.
  function close() {
    if (!isOpen()) return;
    frame.style.display = 'none';
    layout();
    button.focus();
  }
  button.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') close();
  });
  window.addEventListener('message', function (event) {
    if (frame && event.source === frame.contentWindow && event.origin === origin)
      if (event.data && event.data.xiaoer === 'close') close();
  });
  // On a phone the open chat is the whole screen: Tab stays in it and its close button. Leaving
  // the button backwards goes to the chat's last control, leaving the chat to the button.
  document.addEventListener(
    'focusin',
    function (event) {
      if (!isOpen() || !phone.matches || event.target === button || event.target === frame) return;
      if (event.relatedTarget === button) {
        frame.focus();
        frame.contentWindow.postMessage({ xiaoer: 'focus-last' }, origin);
      } else button.focus();
    },
    true,
  );
  if (phone.addEventListener) phone.addEventListener('change', layout);
  // A tag in the page's <head> runs before there is a body to put the button in.
  function mount() {
    layout();
    document.body.appendChild(button);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
