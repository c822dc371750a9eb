"""Document interconnection (liên thông văn bản): edXML packages from ministries through the
national document exchange, read (edxml), answered with status packages (status) queued in
the outbound table (outbox). The services that use them are services.interconnect (receipt)
and services.inbox (the Government Office's inbox)."""
