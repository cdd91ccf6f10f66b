namespace ServiceCenter.Repairs.Domain;
