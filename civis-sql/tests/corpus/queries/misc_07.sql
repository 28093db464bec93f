select "id", "email"
from "sales"."customers"
