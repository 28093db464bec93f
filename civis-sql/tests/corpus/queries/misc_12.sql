select session_id, local_start
from web.sessions
