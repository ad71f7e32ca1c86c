/**
 * Typed calls of the agent side of live chat (`/chat/*`, switchboard_agent; settings need
 * switchboard_manage).
 */

/**
 * Internal dependencies
 */
import { get, send } from './client';

export type ChatAgentStatus = 'online' | 'away';

export interface ChatPresence {
	status: ChatAgentStatus;
	/** Whether a visitor may "talk to a person" now (someone online within business hours). */
	available: boolean;
	online: { id: number; name: string }[];
}

export type ChatSessionStatus =
	| 'bot'
	| 'waiting'
	| 'active'
	| 'offline'
	| 'ended';

export interface ChatQueueItem {
	ticket_id: number;
	status: ChatSessionStatus;
	subject: string;
	preview: string;
	customer: { id: number; name: string; email: string };
	agent_id: number;
	waiting_since: string | null;
	last_message_id: number;
	visitor_typing: boolean;
	visitor_online: boolean;
	page_url: string;
	page_title: string;
	updated_at: string | null;
}

export interface ChatQueue {
	version: string;
	waiting: number;
	active: number;
	changed: boolean;
	chats?: ChatQueueItem[];
}

export interface ChatCartItem {
	product_id: number;
	name: string;
	sku: string;
	quantity: number;
	total: string;
	url: string;
}

export interface ChatOrderSummary {
	id: number;
	number: string;
	date_created: string | null;
	status: string;
	status_label: string;
	total_formatted: string;
	item_count: number;
	edit_url: string;
	items: { name: string; quantity: number; total: string }[];
}

export interface ChatVisitorContext {
	pages?: { url: string; title: string; at: string }[];
	cart?: {
		items: ChatCartItem[];
		item_count: number;
		total: string;
		total_formatted: string;
		currency: string;
		updated_at: string;
	};
	orders?: ChatOrderSummary[];
}

export interface ChatSession {
	ticket_id: number;
	version: number;
	last_message_id: number;
	agent_name: string;
	status: ChatSessionStatus;
	customer_id: number;
	user_id: number;
	agent_id: number;
	page_url: string;
	page_title: string;
	user_agent: string;
	visitor_typing: boolean;
	visitor_online: boolean;
	last_seen_at: string | null;
	waiting_since: string | null;
	started_at: string | null;
	ended_at: string | null;
	context: ChatVisitorContext;
}

export interface ChatSettings {
	enabled: boolean;
	color: string;
	greeting: string;
	position: 'left' | 'right';
	show_on: 'all' | 'selected' | 'except';
	page_ids: number[];
	bot_enabled: boolean;
	hours_enabled: boolean;
	/** Sunday..Saturday, "HH:MM-HH:MM" in the site's timezone, "" = closed. */
	hours: string[];
}

export function fetchChatPresence(): Promise< ChatPresence > {
	return get< ChatPresence >( '/chat/presence' );
}

/**
 * Sets online/away, or (without a status) sends a heartbeat.
 *
 * @param status New status.
 */
export function sendChatPresence(
	status?: ChatAgentStatus
): Promise< ChatPresence > {
	return send< ChatPresence >(
		'POST',
		'/chat/presence',
		status ? { status } : {}
	);
}

export function fetchChatQueue( since = '' ): Promise< ChatQueue > {
	return get< ChatQueue >( '/chat/queue', since ? { since } : {} );
}

export function fetchChatSession( ticketId: number ): Promise< ChatSession > {
	return get< ChatSession >( `/chat/sessions/${ ticketId }` );
}

export function sendAgentTyping( ticketId: number ): Promise< unknown > {
	return send( 'POST', `/chat/sessions/${ ticketId }/typing` );
}

export function acceptChat( ticketId: number ): Promise< ChatSession > {
	return send< ChatSession >( 'POST', `/chat/sessions/${ ticketId }/accept` );
}

export function endChat(
	ticketId: number,
	withTranscript: boolean
): Promise< {
	ended: boolean;
	transcript_sent: boolean;
	confirmation_only?: boolean;
} > {
	return send( 'POST', `/chat/sessions/${ ticketId }/end`, {
		email_transcript: withTranscript,
	} );
}

export function emailTranscript( ticketId: number ): Promise< {
	transcript_sent: boolean;
	to: string;
	confirmation_only?: boolean;
} > {
	return send( 'POST', `/chat/sessions/${ ticketId }/transcript` );
}

export function fetchChatSettings(): Promise< ChatSettings > {
	return get< ChatSettings >( '/chat/settings' );
}

export function updateChatSettings(
	patch: Partial< ChatSettings >
): Promise< ChatSettings > {
	return send< ChatSettings >( 'PATCH', '/chat/settings', patch );
}
