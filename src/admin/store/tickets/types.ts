/**
 * Internal dependencies
 */
import type {
	ApiError,
	Message,
	Queues,
	Ticket,
	TimelineItem,
} from '../../../shared/types';
import type { plainActions } from './actions';

export const STORE_NAME = 'switchboard/tickets';

export interface TicketList {
	ids: number[];
	total: number;
	totalPages: number;
}

export interface TicketsState {
	byId: Record< number, Ticket >;
	lists: Record< string, TicketList >;
	listErrors: Record< string, ApiError | null >;
	ticketErrors: Record< number, ApiError | null >;
	timelines: Record< number, TimelineItem[] >;
	timelineErrors: Record< number, ApiError | null >;
	queues: Queues | null;
	queuesError: ApiError | null;
	/** The ids of the list the agent last looked at, for j/k inside a ticket. */
	lastListIds: number[];
}

export type Action =
	| {
			type: 'RECEIVE_TICKET_LIST';
			key: string;
			tickets: Ticket[];
			total: number;
			totalPages: number;
	  }
	| { type: 'RECEIVE_TICKET_LIST_ERROR'; key: string; error: ApiError }
	| { type: 'RECEIVE_TICKET'; ticket: Ticket }
	| { type: 'RECEIVE_TICKET_ERROR'; id: number; error: ApiError }
	| { type: 'RECEIVE_TIMELINE'; id: number; items: TimelineItem[] }
	| { type: 'RECEIVE_TIMELINE_ERROR'; id: number; error: ApiError }
	| { type: 'APPEND_MESSAGE'; message: Message }
	| { type: 'RECEIVE_QUEUES'; queues: Queues }
	| { type: 'RECEIVE_QUEUES_ERROR'; error: ApiError }
	| { type: 'SET_LAST_LIST'; ids: number[] };

export interface ThunkArgs {
	dispatch: typeof plainActions & {
		invalidateResolutionForStoreSelector: ( selector: string ) => void;
		invalidateResolution: ( selector: string, args: unknown[] ) => void;
	};
}
