-- note: unquoted identifiers fold to lower case
SELECT ID, EMAIL AS Email_Address
FROM SALES.CUSTOMERS
WHERE IS_ACTIVE
