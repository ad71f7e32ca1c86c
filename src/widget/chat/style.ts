/**
 * The panel's CSS, injected once when the panel chunk loads (no extra stylesheet request on
 * pages where nobody opens the chat). Mobile: full width below 480px.
 * @param color
 * @param side
 */
export function css( color: string, side: 'left' | 'right' ): string {
	return `
.switchboard-chat{position:fixed;bottom:88px;${ side }:20px;z-index:99999;width:360px;max-width:calc(100vw - 24px);height:520px;max-height:calc(100vh - 110px);display:none;flex-direction:column;background:#fff;color:#1e1e1e;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);font:14px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;overflow:hidden}
.switchboard-chat.is-open{display:flex}
.switchboard-chat__header{background:${ color };color:#fff;padding:12px 14px;display:flex;align-items:center;justify-content:space-between;font-weight:600}
.switchboard-chat__header button{background:none;border:0;color:inherit;font-size:20px;cursor:pointer;line-height:1}
.switchboard-chat__body{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f6f7f7}
.switchboard-chat__msg{max-width:85%;padding:8px 10px;border-radius:10px;background:#fff;white-space:pre-wrap;word-wrap:break-word;overflow-wrap:anywhere;box-shadow:0 1px 1px rgba(0,0,0,.06)}
.switchboard-chat__msg.is-customer{align-self:flex-end;background:${ color };color:#fff}
.switchboard-chat__author{display:block;font-size:11px;opacity:.7;margin-bottom:2px}
.switchboard-chat__msg a{color:inherit;font-weight:600}
.switchboard-chat__msg ul{margin:6px 0;padding-left:18px}
.switchboard-chat__excerpt{display:block;font-size:12px;opacity:.8}
.switchboard-chat__actions{display:flex;gap:6px;flex-wrap:wrap;padding:0 12px 8px;background:#f6f7f7}
.switchboard-chat button.switchboard-chat__btn{border:1px solid ${ color };background:#fff;color:${ color };border-radius:16px;padding:5px 12px;cursor:pointer;font:inherit}
.switchboard-chat__notice{font-size:12px;text-align:center;color:#50575e}
.switchboard-chat__typing{font-size:12px;color:#50575e;padding:0 12px 6px;background:#f6f7f7;min-height:18px}
.switchboard-chat__form{display:flex;gap:6px;padding:10px;border-top:1px solid #dcdcde}
.switchboard-chat__form textarea,.switchboard-chat__form input{flex:1;border:1px solid #8c8f94;border-radius:6px;padding:7px;font:inherit;resize:none;min-width:0}
.switchboard-chat__form button,.switchboard-chat__prechat button{background:${ color };color:#fff;border:0;border-radius:6px;padding:0 14px;cursor:pointer;font:inherit}
.switchboard-chat__prechat{display:flex;flex-direction:column;gap:8px;padding:14px}
.switchboard-chat__prechat input{border:1px solid #8c8f94;border-radius:6px;padding:8px;font:inherit}
.switchboard-chat__prechat button{padding:9px}
.switchboard-chat__error{color:#d63638;font-size:12px;padding:0 12px}
@media (max-width:480px){.switchboard-chat{left:0;right:0;bottom:0;width:100vw;max-width:100vw;height:calc(100vh - 80px);max-height:none;border-radius:12px 12px 0 0}}
`;
}
