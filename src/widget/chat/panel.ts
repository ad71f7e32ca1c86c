/**
 * The chat panel: pre-chat form, transcript, composer, bot suggestions with "did this answer
 * your question?", talk to a person / leave a message, typing indicator, polling with backoff.
 *
 * Every message is rendered with textContent (never innerHTML): what visitors and agents type
 * is shown as text. Links come only from bot suggestions and must be http(s).
 */

/**
 * Internal dependencies
 */
import { ApiError, createApi } from './api';
import { load, save } from './storage';
import { css } from './style';
import type {
	ChatConfig,
	ChatMessage,
	ChatState,
	ChatStatus,
	Ping,
	Saved,
} from './types';

const FAST = 2000;
const SLOW = 10000;
const HIDDEN = 30000;
const CLOSED = 15000;

let config: ChatConfig;
let launcher: HTMLButtonElement;
let setBadge: ( unread: number ) => void;
let saved: Saved | null = null;
let status: ChatStatus = 'bot';
let available = false;
let isOpen = false;
let delay = FAST;
let timer = 0;
let lastTyping = 0;
let rendered = new Set< number >();
let api: ReturnType< typeof createApi >;

let root: HTMLElement;
let body: HTMLElement;
let actions: HTMLElement;
let typingLine: HTMLElement;
let errorLine: HTMLElement;
let form: HTMLFormElement;
let input: HTMLTextAreaElement;
let prechat: HTMLFormElement;

function el< K extends keyof HTMLElementTagNameMap >(
	tag: K,
	className = '',
	text = ''
): HTMLElementTagNameMap[ K ] {
	const node = document.createElement( tag );
	if ( className ) {
		node.className = className;
	}
	if ( text ) {
		node.textContent = text;
	}
	return node;
}

function persist(): void {
	save( saved );
}

export function mount(
	cfg: ChatConfig,
	launcherButton: HTMLButtonElement,
	badge: ( unread: number ) => void
): void {
	config = cfg;
	launcher = launcherButton;
	setBadge = badge;
	saved = load();
	api = createApi( config, () => saved?.token ?? '' );

	const style = el( 'style' );
	style.textContent = css( config.color, config.position );
	document.head.appendChild( style );

	root = el( 'div', 'switchboard-chat' );
	root.setAttribute( 'role', 'dialog' );
	root.setAttribute( 'aria-label', config.strings.title );

	const header = el( 'div', 'switchboard-chat__header' );
	header.appendChild( el( 'span', '', config.strings.title ) );
	const close = el( 'button', '', '×' );
	close.type = 'button';
	close.setAttribute( 'aria-label', config.strings.close );
	close.addEventListener( 'click', () => toggle() );
	header.appendChild( close );

	body = el( 'div', 'switchboard-chat__body' );
	body.setAttribute( 'aria-live', 'polite' );
	typingLine = el( 'div', 'switchboard-chat__typing' );
	actions = el( 'div', 'switchboard-chat__actions' );
	errorLine = el( 'div', 'switchboard-chat__error' );
	errorLine.setAttribute( 'role', 'alert' );

	prechat = buildPrechat();
	form = buildComposer();

	root.append( header, body, typingLine, actions, errorLine, prechat, form );
	document.body.appendChild( root );

	reset();
	if ( saved ) {
		void refresh( true ).then( () => {
			void api( 'POST', '/context', pageContext() ).catch( () => {} );
		} );
	}
	document.addEventListener( 'visibilitychange', () => schedule( FAST ) );
}

function pageContext(): Record< string, string > {
	return {
		page_url: window.location.href.slice( 0, 2048 ),
		page_title: document.title.slice( 0, 255 ),
	};
}

function buildPrechat(): HTMLFormElement {
	const f = el( 'form', 'switchboard-chat__prechat' );
	const name = el( 'input' );
	name.name = 'name';
	name.required = true;
	name.maxLength = 100;
	name.placeholder = config.strings.name;
	name.setAttribute( 'aria-label', config.strings.name );
	const email = el( 'input' );
	email.name = 'email';
	email.type = 'email';
	email.required = true;
	email.maxLength = 190;
	email.placeholder = config.strings.email;
	email.setAttribute( 'aria-label', config.strings.email );
	const start = el( 'button', '', config.strings.start );
	start.type = 'submit';
	if ( ! config.user ) {
		f.append( name, email );
	}
	f.append( start );
	f.addEventListener( 'submit', ( event ) => {
		event.preventDefault();
		void startChat(
			config.user ? {} : { name: name.value, email: email.value }
		);
	} );
	return f;
}

function buildComposer(): HTMLFormElement {
	const f = el( 'form', 'switchboard-chat__form' );
	input = el( 'textarea' );
	input.rows = 2;
	input.maxLength = config.maxLength;
	input.placeholder = config.strings.placeholder;
	input.setAttribute( 'aria-label', config.strings.placeholder );
	const send = el( 'button', '', config.strings.send );
	send.type = 'submit';
	f.append( input, send );
	f.addEventListener( 'submit', ( event ) => {
		event.preventDefault();
		void sendMessage();
	} );
	input.addEventListener( 'keydown', ( event ) => {
		if ( event.key === 'Enter' && ! event.shiftKey ) {
			event.preventDefault();
			void sendMessage();
		}
	} );
	input.addEventListener( 'input', () => {
		const now = Date.now();
		if ( saved && input.value && now - lastTyping > 3000 ) {
			lastTyping = now;
			void api( 'POST', '/typing', {} ).catch( () => {} );
		}
	} );
	return f;
}

/** Empties the transcript and shows the greeting (new chat, or a chat that expired). */
function reset(): void {
	body.textContent = '';
	rendered = new Set();
	const greeting = el( 'div', 'switchboard-chat__msg', config.greeting );
	body.appendChild( greeting );
	showForms();
}

function showForms(): void {
	prechat.style.display = saved ? 'none' : 'flex';
	form.style.display = saved && status !== 'ended' ? 'flex' : 'none';
}

async function startChat( fields: Record< string, string > ): Promise< void > {
	try {
		const state = await api< ChatState >( 'POST', '/session', {
			...fields,
			...pageContext(),
		} );
		saved = {
			token: state.token ?? '',
			lastId: 0,
			version: state.version,
			unread: 0,
			open: true,
		};
		persist();
		apply( state );
		showForms();
		input.focus();
		schedule( FAST );
	} catch ( error ) {
		showError( error );
	}
}

async function sendMessage(): Promise< void > {
	const text = input.value.trim();
	if ( ! text || ! saved ) {
		return;
	}
	if ( text.length > config.maxLength ) {
		errorLine.textContent = config.strings.tooLong;
		return;
	}
	input.value = '';
	try {
		const state = await api< ChatState >( 'POST', '/messages', {
			body: text,
			after: saved.lastId,
		} );
		apply( state );
		schedule( FAST );
	} catch ( error ) {
		input.value = text;
		showError( error );
	}
}

function showError( error: unknown ): void {
	errorLine.textContent =
		error instanceof Error ? error.message : config.strings.error;
	if ( error instanceof ApiError && error.status === 401 ) {
		// The token is gone (expired, or the chat was deleted): start over.
		saved = null;
		persist();
		setBadge( 0 );
		reset();
	}
}

/**
 * Merges a state answer: new messages, status, typing, unread.
 * @param state
 */
function apply( state: ChatState ): void {
	if ( ! saved ) {
		return;
	}
	errorLine.textContent = '';
	status = state.status;
	available = state.available;
	for ( const message of state.messages ) {
		renderMessage( message );
		saved.lastId = Math.max( saved.lastId, message.id );
	}
	saved.version = state.version;
	saved.unread = state.unread;
	showTyping( state.typing );
	renderActions();
	persist();
	markRead();
	showForms();
}

function showTyping( typing: boolean ): void {
	typingLine.textContent = typing ? config.strings.typing : '';
}

function renderMessage( message: ChatMessage ): void {
	if ( rendered.has( message.id ) ) {
		return;
	}
	rendered.add( message.id );
	const item = el(
		'div',
		`switchboard-chat__msg is-${ message.author.type }`
	);
	item.dataset.id = String( message.id );
	item.appendChild(
		el(
			'span',
			'switchboard-chat__author',
			message.author.type === 'customer'
				? config.strings.you
				: message.author.name
		)
	);
	if ( message.kind === 'suggestions' && message.suggestions?.length ) {
		const list = el( 'ul' );
		for ( const suggestion of message.suggestions ) {
			const li = el( 'li' );
			if ( /^https?:\/\//i.test( suggestion.url ) ) {
				const link = el( 'a', '', suggestion.title );
				link.href = suggestion.url;
				link.target = '_blank';
				link.rel = 'noopener';
				li.appendChild( link );
			} else {
				li.appendChild( el( 'strong', '', suggestion.title ) );
			}
			li.appendChild(
				el( 'span', 'switchboard-chat__excerpt', suggestion.excerpt )
			);
			list.appendChild( li );
		}
		item.appendChild( el( 'span', '', message.text.split( '\n' )[ 0 ] ) );
		item.appendChild( list );
		item.appendChild( el( 'span', '', config.strings.helped ) );
		if ( ! message.feedback ) {
			item.dataset.askFeedback = '1';
		}
	} else {
		item.appendChild( document.createTextNode( message.text ) );
	}
	body.appendChild( item );
	body.scrollTop = body.scrollHeight;
}

function button( label: string, onClick: () => void ): HTMLButtonElement {
	const b = el( 'button', 'switchboard-chat__btn', label );
	b.type = 'button';
	b.addEventListener( 'click', onClick );
	return b;
}

/** Buttons under the transcript, depending on the chat's status. */
function renderActions(): void {
	actions.textContent = '';
	const pending = Array.from(
		body.querySelectorAll< HTMLElement >( '[data-ask-feedback="1"]' )
	).pop();
	if ( status === 'bot' && pending ) {
		const id = Number( pending.dataset.id );
		actions.append(
			button( config.strings.yes, () => feedback( id, true ) ),
			button( config.strings.no, () => feedback( id, false ) )
		);
	}
	if ( status === 'bot' && rendered.size > 0 ) {
		actions.append(
			button(
				available ? config.strings.person : config.strings.leave,
				() => void post( '/handoff' )
			)
		);
	}
	if ( status === 'waiting' ) {
		actions.appendChild(
			el( 'div', 'switchboard-chat__notice', config.strings.waiting )
		);
	}
	if ( status === 'offline' ) {
		actions.appendChild(
			el( 'div', 'switchboard-chat__notice', config.strings.offline )
		);
	}
	if ( status === 'ended' ) {
		actions.append(
			el( 'div', 'switchboard-chat__notice', config.strings.ended ),
			button( config.strings.newChat, () => {
				saved = null;
				persist();
				status = 'bot';
				reset();
			} )
		);
	} else if ( rendered.size > 0 ) {
		actions.append(
			button( config.strings.end, () => void end( false ) ),
			button( config.strings.transcript, () => void end( true ) )
		);
	}
}

async function post( path: string, data: Record< string, unknown > = {} ) {
	try {
		apply( await api< ChatState >( 'POST', path, data ) );
		schedule( FAST );
	} catch ( error ) {
		showError( error );
	}
}

function feedback( messageId: number, helpful: boolean ): void {
	const item = body.querySelector< HTMLElement >(
		`[data-id="${ messageId }"]`
	);
	if ( item ) {
		delete item.dataset.askFeedback;
	}
	void post( '/feedback', { message_id: messageId, helpful } );
}

async function end( transcript: boolean ): Promise< void > {
	try {
		await api( 'POST', '/end', { email_transcript: transcript } );
		status = 'ended';
		renderActions();
		showForms();
	} catch ( error ) {
		showError( error );
	}
}

/** Marks replies read while the panel is open and visible. */
function markRead(): void {
	if ( ! saved ) {
		return;
	}
	if ( isOpen && ! document.hidden && saved.unread > 0 ) {
		saved.unread = 0;
		persist();
		void api( 'POST', '/read', { message_id: saved.lastId } ).catch(
			() => {}
		);
	}
	setBadge( isOpen ? 0 : saved.unread );
}

/**
 * Fetches the full state (messages after the last one shown).
 * @param all
 */
async function refresh( all = false ): Promise< void > {
	if ( ! saved ) {
		return;
	}
	try {
		const state = await api< ChatState >(
			'GET',
			`/session?after=${ all ? 0 : saved.lastId }`
		);
		apply( state );
	} catch ( error ) {
		showError( error );
	}
}

/** One "anything new?" check; the full state only when the version moved. */
async function poll(): Promise< void > {
	if ( ! saved ) {
		return;
	}
	let next = Math.min( delay * 1.5, SLOW );
	try {
		const ping = await api< Ping >( 'GET', '/ping' );
		showTyping( ping.typing );
		if ( ping.v !== saved.version || ping.status !== status ) {
			available = ping.available;
			await refresh();
			next = FAST;
		} else if ( ping.available !== available ) {
			available = ping.available;
			renderActions();
		}
		if ( ping.typing ) {
			next = FAST;
		}
	} catch ( error ) {
		if ( error instanceof ApiError && error.retryAfter > 0 ) {
			next = error.retryAfter * 1000;
		} else if ( error instanceof ApiError && error.status === 401 ) {
			showError( error );
			return;
		} else {
			next = Math.min( delay * 2, 60000 );
		}
	}
	schedule( next );
}

function schedule( next: number ): void {
	if ( ! saved || status === 'ended' ) {
		return;
	}
	delay = next;
	let wait = next;
	if ( document.hidden ) {
		wait = Math.max( wait, HIDDEN );
	} else if ( ! isOpen ) {
		wait = Math.max( wait, CLOSED );
	}
	window.clearTimeout( timer );
	timer = window.setTimeout( () => void poll(), wait );
}

export function open(): void {
	isOpen = true;
	root.classList.add( 'is-open' );
	launcher.setAttribute( 'aria-expanded', 'true' );
	if ( saved ) {
		saved.open = true;
		persist();
		markRead();
		schedule( FAST );
	}
	( saved
		? input
		: prechat.querySelector< HTMLElement >( 'input,button' )
	)?.focus();
}

export function toggle(): void {
	if ( isOpen ) {
		isOpen = false;
		root.classList.remove( 'is-open' );
		launcher.setAttribute( 'aria-expanded', 'false' );
		if ( saved ) {
			saved.open = false;
			persist();
		}
		launcher.focus();
	} else {
		open();
	}
}
