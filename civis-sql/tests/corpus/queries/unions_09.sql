-- note: the common type of DATE and TIMESTAMP is taken as TIMESTAMP (implicit conversion, c_Supported_data_types)
select order_date as at from sales.orders
union all
select created_at from sales.orders
