/**
 * Shapes shared by the launcher and the chat panel.
 */

export interface ChatConfig {
	root: string;
	nonce: string;
	tokenHeader: string;
	color: string;
	position: 'left' | 'right';
	greeting: string;
	maxLength: number;
	user: { name: string } | null;
	strings: Record< string, string >;
}

export type ChatStatus = 'bot' | 'waiting' | 'active' | 'offline' | 'ended';

export interface Suggestion {
	id: number;
	title: string;
	excerpt: string;
	url: string;
}

export interface ChatMessage {
	id: number;
	author: { type: 'customer' | 'agent' | 'bot' | 'system'; name: string };
	text: string;
	created_at: string;
	kind: string;
	suggestions?: Suggestion[];
	feedback?: string;
}

export interface ChatState {
	status: ChatStatus;
	version: number;
	available: boolean;
	typing: boolean;
	unread: number;
	last_read_id: number;
	messages: ChatMessage[];
	token?: string;
}

export interface Ping {
	v: number;
	last: number;
	status: ChatStatus;
	typing: boolean;
	available: boolean;
}

/** What survives reloads and navigation (localStorage). */
export interface Saved {
	token: string;
	lastId: number;
	version: number;
	unread: number;
	open: boolean;
}
